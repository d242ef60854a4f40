package io.palimpsest.bench.folders;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The server's live heap, measured by forcing a full collection: attaches to the server's JVM once
 * (Attach API, its local JMX agent) and asks its {@code DiagnosticCommand} MBean for
 * {@code GC.class_histogram}, which first runs a stop-the-world full collection ("Heap Inspection
 * Initiated GC") and then counts every object still reachable, by class. The histogram's total is
 * the live heap in bytes (objects only, no region slack); the same as {@code jcmd <pid> GC.class_histogram},
 * without starting a {@code jcmd} JVM on the 2 cores at every sample.
 */
final class LiveHeap implements AutoCloseable {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)", Pattern.MULTILINE);
    private static final Pattern TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)", Pattern.MULTILINE);

    private final JMXConnector connector;
    private final MBeanServerConnection mbeans;
    private final ObjectName diagnostics;

    private LiveHeap(JMXConnector connector) throws IOException {
        this.connector = connector;
        this.mbeans = connector.getMBeanServerConnection();
        try {
            this.diagnostics = new ObjectName("com.sun.management:type=DiagnosticCommand");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static LiveHeap attach(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        return new LiveHeap(JMXConnectorFactory.connect(new JMXServiceURL(address)));
    }

    /** A full collection, then every reachable object counted by class. */
    Histogram histogram() throws Exception {
        long start = System.nanoTime();
        String text = (String) mbeans.invoke(diagnostics, "gcClassHistogram", new Object[] {new String[0]},
                new String[] {String[].class.getName()});
        long millis = (System.nanoTime() - start) / 1_000_000;
        Matcher total = TOTAL.matcher(text);
        if (!total.find()) {
            throw new IllegalStateException("no total in the class histogram: "
                    + text.substring(0, Math.min(500, text.length())));
        }
        Map<String, long[]> classes = new HashMap<>();
        Matcher row = ROW.matcher(text);
        while (row.find()) {
            classes.merge(row.group(3), new long[] {Long.parseLong(row.group(1)), Long.parseLong(row.group(2))},
                    (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        }
        return new Histogram(Long.parseLong(total.group(2)), Long.parseLong(total.group(1)), classes, text,
                System.currentTimeMillis(), millis);
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }

    /**
     * @param bytes     live heap: the histogram's total bytes
     * @param instances live objects
     * @param classes   class name to {instances, bytes}
     * @param millis    how long the full collection and the count took (the server is paused meanwhile)
     */
    record Histogram(long bytes, long instances, Map<String, long[]> classes, String text, long takenAt, long millis) {

        /** The classes whose live bytes grew most from {@code before} to this one. */
        List<Growth> growthSince(Histogram before, int top) {
            List<Growth> growth = new ArrayList<>();
            for (Map.Entry<String, long[]> e : classes.entrySet()) {
                long[] was = before.classes.getOrDefault(e.getKey(), new long[2]);
                growth.add(new Growth(e.getKey(), e.getValue()[0] - was[0], e.getValue()[1] - was[1]));
            }
            growth.sort(Comparator.comparingLong(Growth::bytes).reversed());
            return growth.subList(0, Math.min(top, growth.size()));
        }

        /** How one class's live bytes changed from {@code before} to this one. */
        Growth growthSince(Histogram before, String className) {
            long[] now = classes.getOrDefault(className, new long[2]);
            long[] was = before.classes.getOrDefault(className, new long[2]);
            return new Growth(className, now[0] - was[0], now[1] - was[1]);
        }
    }

    record Growth(String className, long instances, long bytes) {
    }
}
