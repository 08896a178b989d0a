package org.fieldscore.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compiles and runs each example fenced {@code ```java module:NAME} against that library's jar and the jars it needs
 * alone, on the module path: the program reads the library as a module, so it can use exported packages only, and
 * it cannot see the runner or any other FieldScore module. An example is a sequence of statements preceded by its
 * imports; it passes when it compiles and its JVM exits with 0 (an example checks its own numbers and throws).
 */
class ModuleExamplesTest {

    /** For each library: its module name, and the jars its module path holds (file name prefixes). */
    private static final Map<String, List<String>> MODULE_PATHS = Map.of(
            "fields-core", List.of("fields-core-", "hipparchus-core-"),
            "pde-solvers", List.of("fields-core-", "pde-solvers-", "hipparchus-core-", "hipparchus-ode-",
                    "ejml-core-", "ejml-ddense-", "ejml-dsparse-", "JTransforms-", "JLargeArrays-"),
            "score-stats", List.of("fields-core-", "score-stats-", "hipparchus-core-", "hipparchus-stat-",
                    "hipparchus-ode-"));

    private static final Map<String, String> MODULE_NAMES = Map.of("fields-core", "org.fieldscore.fields",
            "pde-solvers", "org.fieldscore.pde", "score-stats", "org.fieldscore.score");

    @TestFactory
    Stream<DynamicTest> eachLibraryRunsAlone() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<String> covered = new ArrayList<>();
        for (Path doc : Markdown.documents()) {
            for (String library : MODULE_NAMES.keySet()) {
                for (Markdown.Block block : Markdown.blocks(doc, "java", "module:" + library)) {
                    covered.add(library);
                    tests.add(DynamicTest.dynamicTest(library + " at " + doc.getFileName() + ":" + block.line(),
                            () -> run(library, block)));
                }
            }
        }
        assertEquals(MODULE_NAMES.keySet(), Set.copyOf(covered), "one example per library module");
        return tests.stream();
    }

    private static void run(String library, Markdown.Block block) throws Exception {
        String modulePath = modulePath(library);
        String module = MODULE_NAMES.get(library);
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : block.text().split("\n", -1)) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        String className = "LibraryExample";
        Path dir = Files.createTempDirectory("fieldscore-" + library);
        Path source = dir.resolve(className + ".java");
        Files.writeString(source, imports + "public class " + className
                + " {\n  public static void main(String[] args) throws Exception {\n" + body + "  }\n}\n");
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        Path classes = dir.resolve("classes");
        boolean compiled = compiler.getTask(diagnostics, null, null, List.of("--module-path", modulePath,
                "--add-modules", module, "-d", classes.toString(), "-proc:none"), null,
                compiler.getStandardFileManager(null, null, null).getJavaFileObjects(source)).call();
        if (!compiled) {
            fail("the " + library + " example at " + block.file().getFileName() + ":" + block.line()
                    + " does not compile against " + module + " alone:\n" + diagnostics);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("output.txt");
        Process p = new ProcessBuilder(java.toString(), "--module-path", modulePath, "--add-modules", module, "-cp",
                classes.toString(), className).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the " + library + " example did not finish in 120 s");
        }
        String output = Files.readString(log);
        assertEquals(0, p.exitValue(), "the " + library + " example failed:\n" + output);
        assertTrue(!output.isBlank(), "the example reports what it checked");
    }

    /** @return the library's jar and its dependencies' jars, found on this test's class path and in the build */
    private static String modulePath(String library) throws IOException {
        Path root = Path.of(System.getProperty("fieldscore.root", ".."));
        List<String> entries = new ArrayList<>();
        for (String prefix : MODULE_PATHS.get(library)) {
            Path found = null;
            if (prefix.equals("fields-core-") || prefix.equals("pde-solvers-") || prefix.equals("score-stats-")) {
                String module = prefix.substring(0, prefix.length() - 1);
                try (Stream<Path> jars = Files.list(root.resolve(module).resolve("target"))) {
                    found = jars.filter(j -> isMainJar(j, prefix)).findFirst().orElse(null);
                }
            } else {
                for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                    if (isMainJar(Path.of(entry), prefix)) {
                        found = Path.of(entry);
                    }
                }
            }
            if (found == null) {
                fail("no jar " + prefix + "*.jar for the " + library + " module path (build with mvn verify)");
            }
            entries.add(found.toString());
        }
        return entries.stream().collect(Collectors.joining(File.pathSeparator));
    }

    private static boolean isMainJar(Path jar, String prefix) {
        String name = jar.getFileName().toString();
        return name.startsWith(prefix) && name.endsWith(".jar") && !name.endsWith("-sources.jar")
                && !name.endsWith("-javadoc.jar") && !name.endsWith("-tests.jar");
    }
}
