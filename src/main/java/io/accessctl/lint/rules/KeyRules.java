package io.accessctl.lint.rules;

import io.accessctl.lint.Rule;
import java.util.List;

/**
 * AC2xx: keys and tags — what sendmail looks up, and which keys it never asks for. AC212
 * (try-tls-recipient-domain) is not implemented: telling a recipient domain from a server's host
 * name needs the domain's MX records, and no offline guess was quiet enough.
 */
public final class KeyRules {
  private KeyRules() {}

  public static List<Rule> all() {
    return List.of(new SpaceAfterColon(), new UnknownTag(), new UntaggedEntry(), new KeyTooLong(),
        new Ipv6WithoutPrefix(), new Ipv6Compressed(), new Ipv6LeadingZero(), new CidrOrWildcard(),
        new DotDomainWithoutFeature(), new HostKeyForAddressOnlyTag(), new IpKeyForNameOnlyTag(),
        new BracketKey(), new TrailingDot(), new NullSender(), new ToRejectWithoutBlocklist(),
        new DeadBareDefault(), new GreetPauseNameSpoofable(), new CertDnEncoding(),
        new TldWideKey(), new AtDomainKey(), new LocalPartKey(), new ConnectZero(),
        new PublicRelayPrefix(), new Ipv4OctetRange(), new TagWithoutColon(), new ValueOnlyLine(),
        new LostComment());
  }
}
