package io.iisfarm.operator.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The embedded API authorises every request, so a {@code SelfSubjectRulesReview} (what the operator
 * framework asks before leader election, and {@code kubectl auth can-i --list}) answers that everything is
 * allowed, as a real API server answers a cluster-admin. The mock store itself would reject the review:
 * it has no {@code metadata}.
 */
final class AccessReviews {
  static final String RULES_REVIEW_PATH = "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews";
  private static final ObjectMapper JSON = new ObjectMapper();

  private AccessReviews() {}

  /** The review sent, with the status of a subject allowed everything. */
  static ObjectNode allowEverything(String requestBody) {
    JsonNode request;
    try {
      request = JSON.readTree(requestBody == null || requestBody.isBlank() ? "{}" : requestBody);
    } catch (IOException e) {
      request = JSON.createObjectNode();
    }
    ObjectNode review = JSON.createObjectNode();
    review.put("kind", "SelfSubjectRulesReview").put("apiVersion", "authorization.k8s.io/v1");
    review.putObject("metadata");
    review.set("spec", request.path("spec").isObject() ? request.get("spec") : JSON.createObjectNode());
    ObjectNode status = review.putObject("status");
    ObjectNode resources = status.putArray("resourceRules").addObject();
    resources.putArray("verbs").add("*");
    resources.putArray("apiGroups").add("*");
    resources.putArray("resources").add("*");
    ObjectNode nonResources = status.putArray("nonResourceRules").addObject();
    nonResources.putArray("verbs").add("*");
    nonResources.putArray("nonResourceURLs").add("*");
    status.put("incomplete", false);
    return review;
  }
}
