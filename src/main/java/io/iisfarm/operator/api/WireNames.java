package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reads the {@link JsonProperty} spelling of enum constants once, so code and YAML agree. */
final class WireNames {
  private static final Map<Enum<?>, String> CACHE = new ConcurrentHashMap<>();

  private WireNames() {}

  static String of(Enum<?> constant) {
    return CACHE.computeIfAbsent(constant, c -> {
      try {
        JsonProperty p = c.getDeclaringClass().getField(c.name()).getAnnotation(JsonProperty.class);
        return p == null ? c.name() : p.value();
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException(e);
      }
    });
  }
}
