package org.fieldscore.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compiles and runs every Java example of the documentation that is fenced as {@code ```java runnable}. An example
 * is a sequence of statements, optionally preceded by its imports; it passes when it compiles and runs without
 * throwing.
 */
class JavaExamplesTest {

    @TestFactory
    Stream<DynamicTest> documentedJavaExamplesRun() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path doc : Markdown.documents()) {
            List<Markdown.Block> blocks = Markdown.blocks(doc, "java", "runnable");
            for (Markdown.Block block : blocks) {
                tests.add(DynamicTest.dynamicTest(doc.getFileName() + ":" + block.line(), () -> run(block)));
            }
        }
        assertTrue(tests.size() >= 3, "the documentation should hold runnable Java examples, found " + tests.size());
        return tests.stream();
    }

    private static void run(Markdown.Block block) throws Exception {
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : block.text().split("\n", -1)) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        String className = "Example" + Math.abs(block.text().hashCode());
        String source = imports + "public class " + className + " {\n  public static void run() throws Exception {\n"
                + body + "  }\n}\n";
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        Path out = Files.createTempDirectory("fieldscore-doc-example");
        StringWriter diagnostics = new StringWriter();
        SimpleJavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"),
                SimpleJavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        boolean compiled = compiler.getTask(diagnostics, null, null,
                List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(), "-proc:none"),
                null, List.of(file)).call();
        if (!compiled) {
            fail("example at " + block.file().getFileName() + ":" + block.line() + " does not compile:\n" + diagnostics
                    + "\n" + source);
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()},
                JavaExamplesTest.class.getClassLoader())) {
            loader.loadClass(className).getMethod("run").invoke(null);
        } catch (InvocationTargetException e) {
            throw new AssertionError("example at " + block.file().getFileName() + ":" + block.line() + " failed", e.getCause());
        }
    }
}
