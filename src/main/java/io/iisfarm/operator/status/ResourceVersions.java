package io.iisfarm.operator.status;

/**
 * Orders two resourceVersions of one object. The API conventions call them opaque, but every API server backed
 * by etcd hands out etcd revisions, which only grow; where either is not such a number, neither is taken as newer.
 */
final class ResourceVersions {
  private ResourceVersions() {}

  /** Whether {@code a} is known to be a later version of the object than {@code b}. */
  static boolean newer(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    try {
      return Long.parseLong(a) > Long.parseLong(b);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
