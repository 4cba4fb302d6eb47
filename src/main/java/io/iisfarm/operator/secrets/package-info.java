/**
 * Credentials, CA and machineKey from Kubernetes Secrets: reading them, checking key material against
 * the chosen algorithms, and creating the key Secret when asked (generate or adopt). Values never leave
 * through messages or {@code toString()}.
 */
package io.iisfarm.operator.secrets;
