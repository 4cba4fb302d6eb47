package io.iisfarm.operator.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that runs against the real kube-apiserver of {@link RealKube}: the third test tier. {@code
 * -Dgroups=real-api-server} runs only these, {@code -DexcludedGroups=real-api-server} every other. TestTiersTest
 * checks that exactly the test classes that reach RealKube carry it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(RealApiServer.TAG)
public @interface RealApiServer {
  String TAG = "real-api-server";
}
