package io.palimpsest.standalone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module rules of DESIGN.md, checked on the classes themselves: the write side and the read side
 * never know each other, and the shared messages depend on nothing but the JDK and Axon's annotations.
 */
@AnalyzeClasses(packages = "io.palimpsest", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule commandSideDoesNotDependOnQuerySide = noClasses()
            .that().resideInAPackage("io.palimpsest.command..")
            .should().dependOnClassesThat().resideInAPackage("io.palimpsest.query..");

    @ArchTest
    static final ArchRule querySideDoesNotDependOnCommandSide = noClasses()
            .that().resideInAPackage("io.palimpsest.query..")
            .should().dependOnClassesThat().resideInAPackage("io.palimpsest.command..");

    @ArchTest
    static final ArchRule sharedMessagesDependOnNothingButTheJdkAndAxon = classes()
            .that().resideInAPackage("io.palimpsest.shared..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.palimpsest.shared..", "java..",
                    "org.axonframework.modelling.command..", "org.axonframework.serialization..");

    @ArchTest
    static final ArchRule sharedModulesDependOnNeitherSide = noClasses()
            .that().resideInAnyPackage("io.palimpsest.platform..", "io.palimpsest.blobs..", "io.palimpsest.shared..")
            .should().dependOnClassesThat().resideInAnyPackage("io.palimpsest.command..", "io.palimpsest.query..");
}
