# zsh completion for accessctl: source this file from ~/.zshrc. It loads the bash
# completion beside it (accessctl.bash) through zsh's bashcompinit.
autoload -U +X compinit && compinit
autoload -U +X bashcompinit && bashcompinit
source "${${(%):-%x}:A:h}/accessctl.bash"
