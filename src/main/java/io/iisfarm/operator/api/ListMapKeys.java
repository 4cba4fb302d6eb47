package io.iisfarm.operator.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a list as a Kubernetes list map ({@code x-kubernetes-list-type: map}) keyed by these item fields:
 * the API server rejects two items with the same keys, and server-side apply merges items by key. The
 * fabric8 generator has no annotation for it; the build's CRD finishing step (src/build/CrdFinish.java)
 * reads this one and also marks the keys required, as Kubernetes demands.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ListMapKeys {
  String[] value();
}
