package io.iisfarm.operator.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates x-kubernetes-validations rules with cel-java in an environment close to the API server's:
 * the standard macros ({@code all}, {@code exists}, {@code exists_one}, ...) and the strings and sets
 * extensions (Kubernetes adds them, e.g. {@code lowerAscii}). {@code self} is the node the rule sits on.
 *
 * <p>Only kube-apiserver does: type-checking a rule against the schema's declared types ({@code self}
 * is {@code dyn} here, so a misspelt field shows only when a document reaches it; the schema tests make
 * every rule both pass and fail on real documents for that reason), the static cost estimate that
 * rejects a CRD whose rules could be too expensive, the runtime cost budget, {@code oldSelf}
 * transition rules and ratcheting, and Kubernetes' own libraries (lists, regex, quantity, ip, url).
 */
final class CelRules {
  private static final CelOptions OPTIONS = CelOptions.current().build();
  private static final Cel CEL = CelFactory.standardCelBuilder()
      .setOptions(OPTIONS)
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
      .addCompilerLibraries(CelExtensions.strings(), CelExtensions.sets(OPTIONS))
      .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.sets(OPTIONS))
      .addVar("self", SimpleType.DYN)
      .setResultType(SimpleType.BOOL)
      .build();

  private final Map<String, CelRuntime.Program> programs = new ConcurrentHashMap<>();

  /** Compiles a rule as the API server does when the CRD is registered; throws when it would be refused. */
  CelRuntime.Program compile(String rule) {
    return programs.computeIfAbsent(rule, r -> {
      try {
        CelAbstractSyntaxTree ast = CEL.compile(r).getAst();
        return CEL.createProgram(ast);
      } catch (CelValidationException | CelEvaluationException e) {
        throw new IllegalArgumentException("rule does not compile: " + r + ": " + e.getMessage(), e);
      }
    });
  }

  /**
   * Evaluates one rule on {@code self}.
   *
   * @return null when the rule holds, otherwise why it does not (false, or an evaluation error, which
   *     the API server also reports as a failed rule)
   */
  String violation(String rule, JsonNode self) {
    try {
      Object result = compile(rule).eval(Map.of("self", toCel(self)));
      return Boolean.TRUE.equals(result) ? null : "evaluated to " + result;
    } catch (CelEvaluationException e) {
      return "evaluation error: " + e.getMessage();
    }
  }

  /** JSON as CEL sees it: objects as maps, arrays as lists, integers as int (long), other numbers as double. */
  static Object toCel(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties().forEach(e -> map.put(e.getKey(), toCel(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(item -> list.add(toCel(item)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    throw new IllegalArgumentException("no CEL value for " + node.getNodeType());
  }
}
