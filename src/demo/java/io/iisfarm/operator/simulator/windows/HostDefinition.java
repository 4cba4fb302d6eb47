package io.iisfarm.operator.simulator.windows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One simulated Windows host as written in a farm file: a flat YAML map. Parsing is strict: an
 * unknown key fails with a message naming it and the keys allowed there. The keys {@link
 * #WINRM_SIDE_KEYS} belong to the WinRM server and are removed before this parser sees the node.
 *
 * @param name computer name ({@code hostname}; {@code %COMPUTERNAME%} is its upper case)
 * @param os {@code server2003} (IIS 6.0), {@code server2008r2} (IIS 7.5) or {@code server2019} (IIS 10.0)
 * @param bits 32 or 64; default 32 on Server 2003 and 64 otherwise (later releases are 64-bit only)
 * @param user the WinRM user whose profile holds {@code %TEMP%}; default {@code Administrator}
 * @param env environment variables that replace or add to the defaults, names case-insensitive
 * @param frameworks installed .NET runtimes, one entry per runtime and bitness
 * @param sites IIS sites in configuration order
 * @param backups configuration backups taken of the initial state (appcmd on IIS7+, iisback on IIS6)
 * @param sharedConfiguration IIS7+ only: the UNC path of an IIS Shared Configuration store; redirection.config
 *     points there and every host of the farm naming the same path shares one site configuration
 * @param nlb the host's Network Load Balancing membership; absent: the NLB feature is not installed
 * @param options how the host differs from a stock English install (language, code page, policies)
 */
public record HostDefinition(
    String name,
    OsVersion os,
    Integer bits,
    String user,
    Map<String, String> env,
    List<Framework> frameworks,
    List<Site> sites,
    List<String> backups,
    String sharedConfiguration,
    Nlb nlb,
    HostOptions options) {

  /** Keys of a farm host entry that the WinRM server owns. */
  public static final Set<String> WINRM_SIDE_KEYS = Set.of("winrm", "faults", "drift", "http");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  public HostDefinition {
    env = env == null ? Map.of() : Map.copyOf(env);
    frameworks = frameworks == null ? List.of() : List.copyOf(frameworks);
    sites = sites == null ? List.of() : List.copyOf(sites);
    backups = backups == null ? List.of() : List.copyOf(backups);
  }

  /**
   * A .NET Framework runtime for one bitness.
   *
   * @param runtime {@code v2.0} or {@code v4.0} (the folder names {@code v2.0.50727} and {@code
   *     v4.0.30319} are accepted too)
   * @param bitness 32 ({@code Framework}) or 64 ({@code Framework64})
   * @param servicePack v2.0 only: the .NET 2.0 service pack, 2 by default (what Windows Update and .NET 3.5 SP1
   *     install, and what 2008 R2 and later ship); 0 or 1 model a 2.0 whose configuration system does not know
   *     machineKey's {@code compatibilityMode} yet
   */
  public record Framework(String runtime, Integer bitness, ConfigFile machineConfig, ConfigFile rootWebConfig,
      Integer servicePack) {

    /** The folder under {@code Framework} or {@code Framework64}. */
    public String folder() {
      return runtime.startsWith("v2") ? "v2.0.50727" : "v4.0.30319";
    }

    public boolean isV2() { return runtime.startsWith("v2"); }

    /** The .NET 2.0 service pack after defaults; 0 for v4.0, where it does not apply. */
    public int effectiveServicePack() {
      return !isV2() ? 0 : servicePack == null ? 2 : servicePack;
    }
  }

  /**
   * What a generated config file holds beyond the shipped defaults.
   *
   * @param bom whether the file starts with a UTF-8 byte order mark
   * @param absent true to leave the file out (site and application web.config only)
   */
  public record ConfigFile(MachineKey machineKey, SessionState sessionState, Boolean bom, Boolean absent) {
    public boolean hasBom() { return Boolean.TRUE.equals(bom); }

    public boolean isAbsent() { return Boolean.TRUE.equals(absent); }
  }

  /**
   * A {@code <machineKey>} element; each attribute is written only when set. Keys never appear in toString.
   *
   * @param lock machine.config only: the element goes inside {@code <location path="." allowOverride="false">},
   *     the documented way to lock it for every application on the host
   * @param protectedBy a protected configuration provider, e.g. {@code RsaProtectedConfigurationProvider}: the
   *     element is written encrypted, as {@code aspnet_regiis -pe "system.web/machineKey"} leaves it
   */
  public record MachineKey(String validationKey, String decryptionKey, String validation, String decryption,
      String compatibilityMode, Boolean lock, String protectedBy) {
    public boolean locked() { return Boolean.TRUE.equals(lock); }

    @Override
    public String toString() {
      return "MachineKey[validation=" + validation + ", decryption=" + decryption + "]";
    }
  }

  /** A {@code <sessionState>} element; each attribute is written only when set. */
  public record SessionState(String mode, String stateConnectionString, String sqlConnectionString, Integer timeout,
      String cookieless) {
    @Override
    public String toString() {
      // connection strings can hold SQL credentials
      return "SessionState[mode=" + mode + "]";
    }
  }

  /**
   * An IIS site.
   *
   * @param state {@code Started} (default) or {@code Stopped}
   * @param bindings appcmd form {@code protocol/ip:port:host}, e.g. {@code http/*:80:shop.example.com}
   * @param appPool application pool of the root application; default {@code DefaultAppPool}
   * @param appRoot IIS6 only: the AppRoot of the site's ROOT key; default {@code /LM/W3SVC/<id>/ROOT}
   * @param webConfig the site's own web.config; a plain one is generated when not given
   */
  public record Site(String name, Long id, String state, List<String> bindings, String physicalPath, String appPool,
      String appRoot, List<Application> applications, ConfigFile webConfig) {
    public Site {
      bindings = bindings == null ? List.of() : List.copyOf(bindings);
      applications = applications == null ? List.of() : List.copyOf(applications);
    }
  }

  /**
   * A child application of a site.
   *
   * @param path virtual path such as {@code /checkout}
   * @param appRoot IIS6 only; default {@code /LM/W3SVC/<id>/ROOT/<path>}
   */
  public record Application(String path, String physicalPath, String appPool, String appRoot, ConfigFile webConfig) {}

  /**
   * The host's membership of a Network Load Balancing cluster; {@code nlb.exe} and {@code wlbs.exe} exist only
   * on hosts that have one.
   *
   * @param state {@code converged} (default), {@code stopped} or {@code suspended}
   * @param hostId the host priority (unique host identifier), default 1
   * @param members the host priorities of the cluster's members, default {@code [hostId]}
   * @param drainSeconds how long a drainstop takes until the host's connections have ended, default 0
   * @param exitCodes {@code wlbs} (default): exit codes are the WLBS return values (query: the state's code);
   *     {@code zero}: every command exits 0
   */
  public record Nlb(String state, Integer hostId, List<Integer> members, Double drainSeconds, String exitCodes) {
    public int effectiveHostId() { return hostId == null ? 1 : hostId; }

    public List<Integer> effectiveMembers() {
      return members == null || members.isEmpty() ? List.of(effectiveHostId()) : List.copyOf(members);
    }

    public double effectiveDrainSeconds() { return drainSeconds == null ? 0 : drainSeconds; }

    public boolean stateAsExitCode() { return exitCodes == null || exitCodes.equals("wlbs"); }

    NlbCluster.State initialState() {
      String s = state == null ? "converged" : state;
      return switch (s) {
        case "converged" -> effectiveHostId() == effectiveMembers().stream().mapToInt(Integer::intValue).min()
            .orElse(effectiveHostId()) ? NlbCluster.State.CONVERGED_DEFAULT : NlbCluster.State.CONVERGED;
        case "stopped" -> NlbCluster.State.STOPPED;
        case "suspended" -> NlbCluster.State.SUSPENDED;
        default -> throw new IllegalArgumentException("nlb.state must be converged, stopped or suspended, not '"
            + s + "'");
      };
    }
  }

  /** Parses one host from YAML text. */
  public static HostDefinition fromYaml(String yaml) {
    try {
      return fromTree(YAML.readTree(yaml));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("host definition is not valid YAML: " + e.getOriginalMessage(), e);
    }
  }

  /** Parses one host from an already-read node (the WinRM side's keys removed). */
  public static HostDefinition fromTree(JsonNode node) {
    String host = node != null && node.hasNonNull("name") ? node.get("name").asText() : "?";
    try {
      HostDefinition definition = YAML.treeToValue(node, HostDefinition.class);
      if (definition == null) {
        throw new IllegalArgumentException("host definition is empty");
      }
      HostDefinitionValidator.validate(definition);
      return definition;
    } catch (UnrecognizedPropertyException e) {
      String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
          .map(Object::toString).sorted().collect(Collectors.joining(", "));
      throw new IllegalArgumentException("host '" + host + "': unknown key '" + e.getPropertyName() + "'"
          + where(e) + "; allowed keys there: " + known, e);
    } catch (JsonMappingException e) {
      throw new IllegalArgumentException("host '" + host + "'" + where(e) + ": " + e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("host '" + host + "': " + e.getOriginalMessage(), e);
    }
  }

  private static String where(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    List<JsonMappingException.Reference> refs = e.getPath();
    for (int i = 0; i < refs.size() - (e instanceof UnrecognizedPropertyException ? 1 : 0); i++) {
      JsonMappingException.Reference ref = refs.get(i);
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "" : " at " + path;
  }

  /** 32 or 64, after defaults. */
  public int effectiveBits() {
    return bits != null ? bits : (os == OsVersion.SERVER2003 ? 32 : 64);
  }

  public HostOptions effectiveOptions() {
    return options == null ? HostOptions.DEFAULTS : options;
  }

  public String effectiveUser() {
    return user == null ? "Administrator" : user;
  }
}
