package org.fieldscore.runner.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fieldscore.runner.engine.EngineException;

/**
 * A checked Spark master URL: {@code local}, {@code local[N]}, {@code local[*]}, {@code local[N,F]}
 * (embedded in this JVM), {@code spark://host:port[,host:port…]} (a standalone cluster), or the master
 * spark-submit configured ({@code spark.master}, e.g. {@code yarn}, {@code k8s://…}), taken as given.
 *
 * @param url the URL as Spark takes it
 * @param submitted whether it came from spark-submit's configuration rather than {@code --master}
 */
record SparkMaster(String url, boolean submitted) {

    /** The master when none is given and spark-submit configured none. */
    static final String DEFAULT = "local[*]";
    /** How long a standalone master may take to accept a connection. */
    static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?\\])?");
    private static final Pattern HOST_PORT = Pattern.compile("([A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\]):([0-9]{1,5})");

    /**
     * @param given the {@code --master} option, or null
     * @return the master: the given one, else spark-submit's {@code spark.master}, else {@value #DEFAULT}
     * @throws EngineException (invalid input) when the URL is malformed
     */
    static SparkMaster parse(String given) throws EngineException {
        if (given == null) {
            String submitted = System.getProperty("spark.master");
            return submitted != null ? new SparkMaster(submitted, true) : new SparkMaster(DEFAULT, false);
        }
        String url = given.trim();
        if (LOCAL.matcher(url).matches()) {
            return new SparkMaster(url, false);
        }
        if (url.startsWith("spark://")) {
            standaloneAddresses(url);
            return new SparkMaster(url, false);
        }
        throw malformed(given, "");
    }

    /** @return whether the master runs inside this JVM */
    boolean embedded() {
        return LOCAL.matcher(url).matches();
    }

    /** @return whether the master is a standalone cluster's */
    boolean standalone() {
        return url.startsWith("spark://");
    }

    /**
     * Connects to every address of a standalone master once, so an unreachable master is reported at once instead
     * of after Spark's registration retries.
     *
     * @throws EngineException when no address accepts a connection within {@value #CONNECT_TIMEOUT_MILLIS} ms
     */
    void requireReachable() throws EngineException {
        if (!standalone()) {
            return;
        }
        List<String> failures = new ArrayList<>();
        for (InetSocketAddress address : standaloneAddresses(url)) {
            try (Socket socket = new Socket()) {
                socket.connect(address, CONNECT_TIMEOUT_MILLIS);
                return;
            } catch (IOException e) {
                failures.add(address.getHostString() + ":" + address.getPort() + " (" + e.getMessage() + ")");
            }
        }
        throw new EngineException("the Spark master " + url + " cannot be reached: " + String.join(", ", failures)
                + "; check that the master runs (sbin/start-master.sh) and the host and port are those its log"
                + " prints as 'Starting Spark master at spark://…'", false, null);
    }

    private static List<InetSocketAddress> standaloneAddresses(String url) throws EngineException {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String part : url.substring("spark://".length()).split(",", -1)) {
            Matcher m = HOST_PORT.matcher(part);
            if (!m.matches()) {
                throw malformed(url, " ('" + part + "' is not host:port)");
            }
            int port = Integer.parseInt(m.group(2));
            if (port < 1 || port > 65_535) {
                throw malformed(url, " (port " + port + " is outside 1-65535)");
            }
            String host = m.group(1).startsWith("[") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
            addresses.add(new InetSocketAddress(host, port));
        }
        return addresses;
    }

    private static EngineException malformed(String given, String detail) {
        return new EngineException("--master '" + given + "' is not a Spark master URL" + detail + "; valid: local,"
                + " local[N], local[*] (embedded Spark with N or all cores), spark://host:port (a standalone cluster);"
                + " for YARN or Kubernetes start the run with spark-submit --master … (see docs/studies.md)", true,
                null);
    }
}
