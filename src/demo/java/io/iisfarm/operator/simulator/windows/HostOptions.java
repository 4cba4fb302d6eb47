package io.iisfarm.operator.simulator.windows;

import java.time.Duration;
import java.util.Locale;

/**
 * How a simulated host differs from a stock English install (the {@code options:} key of a host). Absent keys
 * take Windows' defaults.
 *
 * @param language display language; default {@code en-US}
 * @param codePage OEM code page, the console code page of a shell created without {@code WINRS_CODEPAGE};
 *     default the language's (437, 850, 866, 932, 936)
 * @param windowsScriptHost {@code enabled} (default) or {@code disabled} (the {@code Enabled} value 0 under
 *     {@code HKLM\Software\Microsoft\Windows Script Host\Settings}): cscript refuses every script
 * @param adminScripts IIS6: {@code installed} (default) or {@code removed} ({@code Inetpub\AdminScripts} deleted,
 *     as hardening guides advise)
 * @param siteStartLag IIS7+ and IIS6: after a site's ID changes, how long WAS (W3SVC on IIS6) takes to apply it;
 *     meanwhile a start of that site fails and its state reads Unknown; default {@code 0s}
 * @param adsiCallCost IIS6: the time one call of adsutil.vbs into the IIS Admin Service takes (a GetObject, a
 *     GetDataPaths, a Get); ENUM/ENUM_ALL make one GetDataPaths per property of each key's schema class, so their
 *     cost grows with keys times properties; default {@code 0s} (no public measurement; the benchmark varies it)
 * @param scriptStartCost IIS6: the time cscript takes to start a script (process, script engine, the ADSI
 *     provider's schema) before its first line runs; default {@code 0s}
 */
public record HostOptions(String language, Integer codePage, String windowsScriptHost, String adminScripts,
    String siteStartLag, String adsiCallCost, String scriptStartCost) {

  public static final HostOptions DEFAULTS = new HostOptions(null, null, null, null, null, null, null);

  public Language effectiveLanguage() {
    return language == null ? Language.EN_US : Language.fromTag(language);
  }

  public int effectiveCodePage() {
    return codePage != null ? codePage : effectiveLanguage().oemCodePage();
  }

  public boolean scriptHostEnabled() {
    return choice("windowsScriptHost", windowsScriptHost, "enabled", "disabled");
  }

  public boolean adminScriptsInstalled() {
    return choice("adminScripts", adminScripts, "installed", "removed");
  }

  public Duration effectiveSiteStartLag() {
    return duration("siteStartLag", siteStartLag);
  }

  public Duration effectiveAdsiCallCost() {
    return duration("adsiCallCost", adsiCallCost);
  }

  public Duration effectiveScriptStartCost() {
    return duration("scriptStartCost", scriptStartCost);
  }

  /** A duration such as {@code 3s}, {@code 500ms} or {@code 40us}; absent is zero. */
  private static Duration duration(String key, String value) {
    if (value == null || value.isBlank()) {
      return Duration.ZERO;
    }
    String s = value.strip().toLowerCase(Locale.ROOT);
    try {
      if (s.endsWith("us") || s.endsWith("\u00b5s")) {
        return Duration.ofNanos(Math.round(Double.parseDouble(s.substring(0, s.length() - 2)) * 1_000));
      }
      if (s.endsWith("ms")) {
        return Duration.ofNanos(Math.round(Double.parseDouble(s.substring(0, s.length() - 2)) * 1_000_000));
      }
      if (s.endsWith("s")) {
        return Duration.ofMillis(Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 1000));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("options." + key + " must be a duration such as 3s, 500ms or 40us, not '"
        + value + "'");
  }

  /** Checks every value, so that a bad farm file fails when it loads. */
  void validate() {
    effectiveLanguage();
    scriptHostEnabled();
    adminScriptsInstalled();
    effectiveSiteStartLag();
    effectiveAdsiCallCost();
    effectiveScriptStartCost();
    CodePages.charset(effectiveCodePage());
  }

  private static boolean choice(String key, String value, String yes, String no) {
    if (value == null || value.equalsIgnoreCase(yes)) {
      return true;
    }
    if (value.equalsIgnoreCase(no)) {
      return false;
    }
    throw new IllegalArgumentException("options." + key + " must be " + yes + " or " + no + ", not '" + value + "'");
  }
}
