package io.iisfarm.operator.reconciler;

import io.iisfarm.operator.api.ClrRuntime;
import io.iisfarm.operator.api.DrainSpec;
import io.iisfarm.operator.api.HostSpec;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmSpec;
import io.iisfarm.operator.api.KubeDuration;
import io.iisfarm.operator.api.MachineKeySpec;
import io.iisfarm.operator.api.SecretRef;
import io.iisfarm.operator.api.WebhookDrainSpec;
import io.iisfarm.operator.api.WinRmSpec;
import io.iisfarm.operator.host.HostTarget;
import io.iisfarm.operator.host.ReadOptions;
import io.iisfarm.operator.model.Bitness;
import io.iisfarm.operator.model.DesiredFarm;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.KeyMaterial;
import io.iisfarm.operator.model.MachineKeySetting;
import io.iisfarm.operator.model.SessionStateSetting;
import io.iisfarm.operator.rollout.BearerToken;
import io.iisfarm.operator.rollout.DrainSettings;
import io.iisfarm.operator.secrets.KeyAdoption;
import io.iisfarm.operator.secrets.KeyGenerator;
import io.iisfarm.operator.secrets.MachineKeySecret;
import io.iisfarm.operator.secrets.SecretProblemException;
import io.iisfarm.operator.secrets.WinRmSecrets;
import io.iisfarm.operator.status.Blocker;
import io.iisfarm.operator.winrm.TlsOptions;
import io.iisfarm.operator.winrm.WinRmCredentials;
import io.iisfarm.operator.winrm.WinRmEndpoint;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an IisFarm and its Secrets into what the other steps take: a target per host (endpoint and
 * credentials) and the desired farm (site IDs, machineKey, expected session state). Creates the key Secret
 * when the spec asks ({@code generate}, or {@code adoptFrom} once the named host has been read).
 */
public final class FarmResolver {

  /** Where Secrets come from: the Kubernetes API (or its informer cache), or files for {@code audit}. */
  @FunctionalInterface
  public interface SecretSource {
    Optional<Map<String, String>> find(String namespace, String name);
  }

  /** Creates the key Secret unless it exists; true when created. */
  @FunctionalInterface
  public interface KeySecretCreator {
    boolean create(String namespace, String name, String farm, String source, KeyMaterial validationKey,
        KeyMaterial decryptionKey);
  }

  /**
   * @param adoptFrom the host to copy the key from once it is read; null when the key is known or not managed
   * @param blockers Secret problems; when present, no host may be touched
   */
  public record Resolution(List<HostTarget> targets, DesiredFarm desired, String adoptFrom, List<Blocker> blockers) {}

  private final SecretSource secrets;
  private final KeySecretCreator creator;
  private final KeyGenerator generator;

  public FarmResolver(SecretSource secrets, KeySecretCreator creator, KeyGenerator generator) {
    this.secrets = secrets;
    this.creator = creator;
    this.generator = generator;
  }

  public Resolution resolve(IisFarm farm) {
    String namespace = farm.getMetadata().getNamespace();
    IisFarmSpec spec = farm.getSpec();
    try {
      List<HostTarget> targets = targets(namespace, spec);
      MachineKeySpec keySpec = spec.getMachineKey();
      if (keySpec == null) {
        return new Resolution(targets, desired(spec, null), null, List.of());
      }
      String keySecret = keySpec.getSecretRef().getName();
      Optional<Map<String, String>> data = secrets.find(namespace, keySecret);
      if (data.isEmpty() && Boolean.TRUE.equals(keySpec.getGenerate())) {
        KeyMaterial validation = generator.validationKey(keySpec.getValidation());
        KeyMaterial decryption = generator.decryptionKey(keySpec.getDecryption());
        if (creator.create(namespace, keySecret, farm.getMetadata().getName(), "generated", validation, decryption)) {
          data = Optional.of(Map.of(MachineKeySecret.VALIDATION_KEY, validation.reveal(),
              MachineKeySecret.DECRYPTION_KEY, decryption.reveal()));
        } else {
          data = secrets.find(namespace, keySecret);
        }
      }
      if (data.isEmpty() && keySpec.getAdoptFrom() != null) {
        return new Resolution(targets, desired(spec, null), keySpec.getAdoptFrom(), List.of());
      }
      Map<String, String> keyData = data.orElseThrow(() -> SecretProblemException.missing(namespace, keySecret,
          "machineKey; or set machineKey.generate: true, or machineKey.adoptFrom: <host>"));
      MachineKeySetting key = MachineKeySecret.toSetting(namespace, keySecret, keyData, keySpec);
      return new Resolution(targets, desired(spec, key), null, List.of());
    } catch (SecretProblemException e) {
      return new Resolution(List.of(), desired(spec, null), null, List.of(blocker(e)));
    }
  }

  /**
   * Creates the key Secret from the key {@code source} holds (the host {@code adoptFrom} names) and returns
   * the resolution with that key; a blocker when the host has no explicit key or it does not fit the spec.
   */
  public Resolution adopt(IisFarm farm, Resolution pending, HostObservation source) {
    String namespace = farm.getMetadata().getNamespace();
    MachineKeySpec keySpec = farm.getSpec().getMachineKey();
    String keySecret = keySpec.getSecretRef().getName();
    Optional<KeyAdoption.Adopted> adopted = KeyAdoption.pick(source);
    if (adopted.isEmpty()) {
      String why = KeyAdoption.holdsEncryptedKey(source)
          ? "has no readable explicit machineKey to adopt (its machineKey is encrypted with protected configuration;"
              + " the operator never decrypts it)"
          : "has no explicit machineKey to adopt (AutoGenerate keys differ per server)";
      return blocked(pending, Blocker.Kind.SECRET_MISSING, "Secret " + namespace + "/" + keySecret + " is missing"
          + " and host " + pending.adoptFrom() + " " + why + ": adopt from another host, set machineKey.generate:"
          + " true, or create the Secret");
    }
    MachineKeySetting found = adopted.get().setting();
    Map<String, String> data = Map.of(MachineKeySecret.VALIDATION_KEY, found.validationKey().key().reveal(),
        MachineKeySecret.DECRYPTION_KEY, found.decryptionKey().key().reveal());
    try {
      MachineKeySetting key = MachineKeySecret.toSetting(namespace, keySecret, data, keySpec);
      creator.create(namespace, keySecret, farm.getMetadata().getName(), "adopted from " + pending.adoptFrom() + " "
          + adopted.get().source().label(), found.validationKey().key(), found.decryptionKey().key());
      return new Resolution(pending.targets(), desired(farm.getSpec(), key), null, List.of());
    } catch (SecretProblemException e) {
      return blocked(pending, Blocker.Kind.SECRET_INVALID, "the key of host " + pending.adoptFrom() + " ("
          + adopted.get().source().label() + ") does not fit the spec's algorithms, so it was not adopted: "
          + e.getMessage().substring(e.getMessage().indexOf(':') + 2));
    }
  }

  /**
   * The drain settings of {@code spec.rollout.drain}, with the webhook's CA and bearer token from their Secrets;
   * a blocker when a Secret is missing or unusable.
   */
  public DrainResolution drain(IisFarm farm) {
    String namespace = farm.getMetadata().getNamespace();
    var rollout = farm.getSpec().getRollout();
    DrainSpec spec = rollout == null ? null : rollout.getDrain();
    if (spec == null) {
      return new DrainResolution(DrainSettings.NONE, null);
    }
    try {
      DrainSettings.Nlb nlb = spec.getNlb() == null ? null : new DrainSettings.Nlb(
          KubeDuration.parse(spec.getNlb().getTimeout()), KubeDuration.parse(spec.getNlb().getPollInterval()));
      DrainSettings.Webhook webhook = null;
      WebhookDrainSpec hook = spec.getWebhook();
      if (hook != null) {
        String caPem = hook.getCaSecretRef() == null ? null : WinRmSecrets.caPem(namespace,
            hook.getCaSecretRef().getName(), require(namespace, hook.getCaSecretRef(), "webhook CA"));
        BearerToken token = hook.getTokenSecretRef() == null ? null
            : token(namespace, hook.getTokenSecretRef().getName(), require(namespace, hook.getTokenSecretRef(),
                "webhook bearer token"));
        webhook = new DrainSettings.Webhook(URI.create(hook.getUrl()), caPem, token,
            KubeDuration.parse(hook.getTimeout()), hook.getRetries() == null ? 3 : hook.getRetries(),
            farm.getMetadata().getName(), namespace);
      }
      Duration delay = spec.getDelay() == null ? Duration.ZERO : KubeDuration.parse(spec.getDelay());
      return new DrainResolution(new DrainSettings(nlb, webhook, delay), null);
    } catch (SecretProblemException e) {
      return new DrainResolution(DrainSettings.NONE, blocker(e));
    }
  }

  /** Drain settings, or why they cannot be had (then no host may be changed). */
  public record DrainResolution(DrainSettings settings, Blocker blocker) {}

  private static Blocker blocker(SecretProblemException e) {
    return new Blocker("SecretMissing".equals(e.reason()) ? Blocker.Kind.SECRET_MISSING : Blocker.Kind.SECRET_INVALID,
        e.getMessage());
  }

  private static BearerToken token(String namespace, String secret, Map<String, String> data) {
    String token = data.get("token");
    if (token == null || token.isBlank()) {
      throw SecretProblemException.invalid(namespace, secret, "key token is missing: put the webhook's bearer token"
          + " there");
    }
    return new BearerToken(token.strip());
  }

  private static Resolution blocked(Resolution pending, Blocker.Kind kind, String message) {
    return new Resolution(pending.targets(), pending.desired(), null, List.of(new Blocker(kind, message)));
  }

  private List<HostTarget> targets(String namespace, IisFarmSpec spec) {
    WinRmSpec winrm = spec.getWinrm();
    WinRmCredentials farmCredentials = credentials(namespace, winrm.getCredentialsSecretRef());
    String caPem = winrm.getCaSecretRef() == null ? null : WinRmSecrets.caPem(namespace,
        winrm.getCaSecretRef().getName(), require(namespace, winrm.getCaSecretRef(), "WinRM CA"));
    TlsOptions tls = new TlsOptions(caPem, Boolean.TRUE.equals(winrm.getInsecureSkipTlsVerify()),
        Boolean.TRUE.equals(winrm.getAllowLegacyTls()));
    boolean allowHttpKeys = Boolean.TRUE.equals(winrm.getAllowKeyTransferOverHttp());
    ReadOptions options = new ReadOptions(allowHttpKeys, spec.getMachineKey() != null || spec.getSessionState() != null);
    List<HostTarget> targets = new ArrayList<>();
    for (HostSpec host : spec.getHosts()) {
      WinRmCredentials credentials = host.getCredentialsSecretRef() == null ? farmCredentials
          : credentials(namespace, host.getCredentialsSecretRef());
      targets.add(new HostTarget(host.getName(), endpoint(winrm, host.getAddress(), tls), credentials, options));
    }
    return targets;
  }

  /** The endpoint for {@code address} ({@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}). */
  static WinRmEndpoint endpoint(WinRmSpec winrm, String address, TlsOptions tls) {
    String host = address;
    Integer port = winrm.getPort();
    int colon = address.lastIndexOf(':');
    if (colon > 0 && (!address.startsWith("[") || address.charAt(colon - 1) == ']')) {
      host = address.substring(0, colon);
      port = Integer.parseInt(address.substring(colon + 1));
    }
    if (host.startsWith("[")) {
      host = host.substring(1, host.length() - 1);
    }
    boolean http = winrm.getTransport() == io.iisfarm.operator.api.Transport.HTTP;
    WinRmEndpoint.Builder builder = http ? WinRmEndpoint.http(host) : WinRmEndpoint.https(host);
    if (port != null) {
      builder.port(port);
    }
    return builder
        .auth(winrm.getAuth() == io.iisfarm.operator.api.AuthScheme.BASIC ? WinRmEndpoint.Auth.BASIC
            : WinRmEndpoint.Auth.NTLM)
        .tls(tls)
        .connectTimeout(KubeDuration.parse(winrm.getConnectTimeout()))
        .operationTimeout(KubeDuration.parse(winrm.getOperationTimeout()))
        .build();
  }

  private WinRmCredentials credentials(String namespace, SecretRef ref) {
    return WinRmSecrets.credentials(namespace, ref.getName(), require(namespace, ref, "WinRM credentials"));
  }

  private Map<String, String> require(String namespace, SecretRef ref, String purpose) {
    return secrets.find(namespace, ref.getName())
        .orElseThrow(() -> SecretProblemException.missing(namespace, ref.getName(), purpose));
  }

  static DesiredFarm desired(IisFarmSpec spec, MachineKeySetting key) {
    List<DesiredFarm.DesiredSite> sites = spec.getSites() == null ? List.of()
        : spec.getSites().stream().map(s -> new DesiredFarm.DesiredSite(s.getName(), s.getId())).toList();
    DesiredFarm.DesiredMachineKey machineKey = null;
    MachineKeySpec keySpec = spec.getMachineKey();
    if (keySpec != null && key != null) {
      Set<ClrRuntime> runtimes = keySpec.getRuntimes() == null ? null : EnumSet.copyOf(keySpec.getRuntimes());
      Set<Bitness> bitness = null;
      if (keySpec.getBitness() != null) {
        bitness = new LinkedHashSet<>();
        for (int bits : keySpec.getBitness()) {
          bitness.add(Bitness.ofBits(bits));
        }
      }
      machineKey = new DesiredFarm.DesiredMachineKey(key, runtimes, bitness);
    }
    SessionStateSetting sessionState = spec.getSessionState() == null ? null : new SessionStateSetting(
        spec.getSessionState().getMode() == null ? null : spec.getSessionState().getMode().wireName(),
        spec.getSessionState().getStateConnectionString(), null);
    return new DesiredFarm(sites, machineKey, sessionState);
  }
}
