package org.liandong;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The boundaries docs/architecture.md draws, kept by the build: features meet through services and typed
 * records, never each other's repositories or Cypher; no package cycles; Neo4j behind storage and
 * the repositories; nothing that blocks a thread in the server's code.
 */
@AnalyzeClasses(packages = "org.liandong", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** A repository, or a type nested in one (its rows as the driver gives them, before they are mapped). */
  private static final com.tngtech.archunit.base.DescribedPredicate<JavaClass> REPOSITORY_OR_NESTED =
      new com.tngtech.archunit.base.DescribedPredicate<>("a repository or a type nested in one") {
        @Override
        public boolean test(JavaClass c) {
          for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
            if (k.getSimpleName().endsWith("Repository")) return true;
          }
          return false;
        }
      };


  /** Each top package a slice, the root package (Main, Server, Features) one of them: a loop through the wiring counts too. */
  private static final SliceAssignment TOP_PACKAGES = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass c) {
      var top = topPackage(c);
      return top == null ? SliceIdentifier.ignore() : SliceIdentifier.of(top);
    }

    @Override
    public String getDescription() {
      return "the top packages of org.liandong, the root included";
    }
  };

  @ArchTest
  static final ArchRule noCycles = slices().assignedFrom(TOP_PACKAGES).should().beFreeOfCycles()
      .because("a feature that needs another's work calls its service; the other does not call back; nothing calls the wiring");

  @ArchTest
  static final ArchRule driverBehindRepositories = noClasses().that().resideOutsideOfPackage("org.liandong.storage..")
      .and(com.tngtech.archunit.base.DescribedPredicate.not(REPOSITORY_OR_NESTED))
      .and().doNotHaveFullyQualifiedName("org.liandong.console.Runner")
      .and().doNotHaveFullyQualifiedName("org.liandong.console.Results")
      .should().dependOnClassesThat().resideInAnyPackage("org.neo4j.driver..", "org.neo4j.dbms..", "org.neo4j.graphdb..",
          "org.neo4j.kernel..", "org.neo4j.configuration..", "org.neo4j.harness..")
      .because("the driver's records are mapped once, in the repository beside the record; services see typed records");

  @ArchTest
  static final ArchRule routesKnowNoRepositoryTypes = noClasses().that().haveSimpleNameEndingWith("Routes")
      .should().dependOnClassesThat(REPOSITORY_OR_NESTED)
      .because("a route parses, calls its service and answers; what the service needs from the request is the service's type");

  @ArchTest
  static final ArchRule repositoriesStayHome = classes().that().haveSimpleNameEndingWith("Repository")
      .or().haveSimpleNameEndingWith("Cypher").and().resideOutsideOfPackage("org.liandong.domain")
      .should(beUsedOnlyInTheirOwnPackage())
      .because("a feature's Cypher and records mapping are its own; others call its service (the domain's rules as Cypher"
          + " fragments, domain.LightCypher, are shared on purpose: every count of late work means what the light means)");

  @ArchTest
  static final ArchRule webAndSupportKnowNoStorage = noClasses().that().resideInAnyPackage("org.liandong.web..", "org.liandong.support..")
      .should().dependOnClassesThat().resideInAnyPackage("org.liandong.storage..", "org.neo4j..")
      .because("the HTTP layer and the shared helpers do not talk to the database");

  @ArchTest
  static final ArchRule routesAreThin = noClasses().that().haveSimpleNameEndingWith("Routes")
      .should().dependOnClassesThat().resideInAnyPackage("org.neo4j..", "org.liandong.storage..")
      .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
      .because("handlers parse, call a service and answer");

  @ArchTest
  static final ArchRule embeddedNeo4jOnlyInStorage = noClasses().that().resideOutsideOfPackages("org.liandong.storage..", "org.liandong.console..")
      .should().dependOnClassesThat().resideInAnyPackage("org.neo4j.dbms..", "org.neo4j.graphdb..", "org.neo4j.kernel..", "org.neo4j.configuration..")
      .because("the embedded server is storage's (the console reads only Neo4j's Cypher parser)");

  @ArchTest
  static final ArchRule noBlockingDriver = noClasses().should().dependOnClassesThat()
      .haveFullyQualifiedName("org.neo4j.driver.Session")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("org.neo4j.driver.Transaction")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("org.neo4j.driver.TransactionContext")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("org.neo4j.driver.Result")
      .because("an event loop must never wait on the database: the driver's async API only");

  @ArchTest
  static final ArchRule noSleeping = noClasses().should().callMethod(Thread.class, "sleep", long.class)
      .because("timers, not sleeps");

  @ArchTest
  static final ArchRule awaitOnlyAtStartUp = noClasses().that().doNotHaveFullyQualifiedName(Startup.class.getName())
      .and().doNotHaveFullyQualifiedName(Server.class.getName())
      .should().callMethod(io.vertx.core.Future.class, "await")
      .orShould().callMethod(io.vertx.core.Future.class, "await", long.class, java.util.concurrent.TimeUnit.class)
      .because("only start-up and shut-down, on the main thread, may wait for a future");

  /** The packages every feature may build on; the rest are features. */
  static final java.util.Set<String> SHARED = java.util.Set.of("(root)", "access", "config", "domain", "storage", "support", "web");
  static final int LONGEST_CHAIN = 3;

  /**
   * Features side by side: the longest chain of imports from one feature to another (sheets →
   * meetings → obligations → notices is three) stays at {@value #LONGEST_CHAIN}; the shared
   * packages ({@link #SHARED}) do not count as a step.
   */
  @ArchTest
  static void featuresSideBySide(com.tngtech.archunit.core.domain.JavaClasses classes) {
    var longest = longestChain(featureImports(classes));
    org.assertj.core.api.Assertions.assertThat(longest.size() - 1)
        .as("the longest chain of imports between features, " + String.join(" → ", longest))
        .isLessThanOrEqualTo(LONGEST_CHAIN);
  }

  /** The class's top package under org.liandong ("(root)" for the root itself), or null outside it. */
  static String topPackage(JavaClass c) {
    var name = c.getPackageName();
    if (!name.equals("org.liandong") && !name.startsWith("org.liandong.")) return null;
    return name.equals("org.liandong") ? "(root)" : name.substring("org.liandong.".length()).split("\\.")[0];
  }

  /** Which feature imports which, from the classes' dependencies. */
  static java.util.Map<String, java.util.Set<String>> featureImports(com.tngtech.archunit.core.domain.JavaClasses classes) {
    var imports = new java.util.TreeMap<String, java.util.Set<String>>();
    for (var c : classes) {
      var from = topPackage(c);
      if (from == null || SHARED.contains(from)) continue;
      for (var d : c.getDirectDependenciesFromSelf()) {
        var to = topPackage(d.getTargetClass());
        if (to == null || SHARED.contains(to) || to.equals(from)) continue;
        imports.computeIfAbsent(from, k -> new java.util.TreeSet<>()).add(to);
      }
    }
    return imports;
  }

  /** The longest path through the imports (they have no cycle: {@link #noCycles}), as the features on it. */
  static java.util.List<String> longestChain(java.util.Map<String, java.util.Set<String>> imports) {
    var memo = new java.util.HashMap<String, java.util.List<String>>();
    java.util.function.Function<String, java.util.List<String>> from = new java.util.function.Function<>() {
      @Override
      public java.util.List<String> apply(String feature) {
        if (memo.containsKey(feature)) return memo.get(feature);
        var best = java.util.List.of(feature);
        for (var next : imports.getOrDefault(feature, java.util.Set.of())) {
          var path = new java.util.ArrayList<>(java.util.List.of(feature));
          path.addAll(apply(next));
          if (path.size() > best.size()) best = path;
        }
        memo.put(feature, best);
        return best;
      }
    };
    return imports.keySet().stream().map(from).max(java.util.Comparator.comparingInt(java.util.List::size)).orElse(java.util.List.of());
  }

  /** No main class over {@value SourceSizes#MAX_CLASS_LINES} lines, no method over {@value SourceSizes#MAX_METHOD_LINES}: read from the sources. */
  @ArchTest
  static void smallClassesAndMethods(com.tngtech.archunit.core.domain.JavaClasses classes) {
    var sizes = SourceSizes.of(java.nio.file.Path.of("src/main/java"));
    org.assertj.core.api.Assertions.assertThat(sizes.files()).as("the main sources were read").isGreaterThan(100);
    org.assertj.core.api.Assertions.assertThat(sizes.tooLong()).as("classes over " + SourceSizes.MAX_CLASS_LINES
        + " lines and methods over " + SourceSizes.MAX_METHOD_LINES + ": split them by what they do").isEmpty();
  }

  /** A service or repository, or a record nested in one. */
  private static final com.tngtech.archunit.base.DescribedPredicate<JavaClass> SERVICE_OR_REPOSITORY =
      new com.tngtech.archunit.base.DescribedPredicate<>("a service or a repository, or a type nested in one") {
        @Override
        public boolean test(JavaClass c) {
          for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
            if (k.getSimpleName().endsWith("Repository") || k.getSimpleName().endsWith("Service")) return true;
          }
          return false;
        }
      };

  @ArchTest
  static final ArchRule typedEndToEnd = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits()
      .that().areDeclaredInClassesThat(SERVICE_OR_REPOSITORY)
      .should(new ArchCondition<com.tngtech.archunit.core.domain.JavaCodeUnit>("take and give no Map") {
        @Override
        public void check(com.tngtech.archunit.core.domain.JavaCodeUnit unit, ConditionEvents events) {
          var types = new java.util.ArrayList<com.tngtech.archunit.core.domain.JavaType>(unit.getParameterTypes());
          types.add(unit.getReturnType());
          if (types.stream().anyMatch(ArchitectureTest::untypedMap)) {
            events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " takes or gives a Map<String, Object>"));
          }
        }
      })
      .because("services and repositories speak typed records and patches (support.Patch, storage.Props), mapped once from the driver's");

  /** A Map whose values are anything (Map<String, Object>, a raw Map), here or inside another type (a Future of one). */
  static boolean untypedMap(com.tngtech.archunit.core.domain.JavaType type) {
    if (type instanceof com.tngtech.archunit.core.domain.JavaParameterizedType p) {
      var args = p.getActualTypeArguments();
      if (p.toErasure().isAssignableTo(java.util.Map.class) && args.size() == 2
          && args.get(1).toErasure().getName().equals(Object.class.getName())) return true;
      return args.stream().anyMatch(ArchitectureTest::untypedMap);
    }
    return type instanceof JavaClass c && c.isAssignableTo(java.util.Map.class);
  }

  private static ArchCondition<JavaClass> beUsedOnlyInTheirOwnPackage() {
    return new ArchCondition<>("be used only in their own package") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        item.getDirectDependenciesToSelf().stream()
            .filter(d -> !d.getOriginClass().getPackageName().equals(item.getPackageName()))
            .forEach(d -> events.add(SimpleConditionEvent.violated(d, d.getDescription())));
      }
    };
  }
}
