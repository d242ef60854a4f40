package io.palimpsest.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What every benchmark's section of docs/benchmarks.md shares: replacing only its own section
 * between its markers, the machine line and the revision the run was built from.
 */
public final class MarkdownSections {

    private static final String FILE_HEADER = """
            # Benchmarks

            Each section below is written by the command it names, which rewrites only its own section
            (between its markers) and leaves the rest of this file alone. Every benchmark compares
            Palimpsest with a baseline measured in the same run on the same machine, so compare numbers
            within a section, not across machines or runs.
            """;

    private MarkdownSections() {
    }

    /**
     * Replaces the section between {@code begin} and {@code end} in {@code file} with {@code section}
     * (which carries both markers); appends it if absent and creates the file if needed.
     */
    public static void writeSection(Path file, String begin, String end, String section) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : FILE_HEADER;
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        String updated;
        if (from >= 0 && to > from) {
            int after = to + end.length();
            if (after < text.length() && text.charAt(after) == '\n') {
                after++;
            }
            updated = text.substring(0, from) + section + text.substring(after);
        } else {
            updated = text + (text.endsWith("\n\n") ? "" : text.endsWith("\n") ? "\n" : "\n\n") + section;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, updated);
    }

    /** CPU, cores, memory, kernel, the file system {@code workDirectory} is on, and the JVM. */
    public static String machine(Path workDirectory) {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
        String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(kb -> String.format(Locale.ROOT, "%.1f GiB RAM",
                        Long.parseLong(kb.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
                .orElse("");
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores (shared), " + memory + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", "
                + filesystem(workDirectory) + ", " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version");
    }

    /** The commit the working tree is at, and whether tracked files differ from it. */
    public static String revision() {
        String commit = git("rev-parse", "--short", "HEAD");
        if (commit.isEmpty()) {
            return "an unknown revision (no git)";
        }
        boolean modified = !git("status", "--porcelain", "--untracked-files=no").isEmpty();
        return "commit `" + commit + "`" + (modified ? " plus uncommitted changes in the working tree" : "");
    }

    private static String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The file system a directory is on, from /proc/mounts: "data on ext4 (/dev/vda)". */
    private static String filesystem(Path directory) {
        try (Stream<String> mounts = Files.lines(Path.of("/proc/mounts"))) {
            String dir = directory.toRealPath().toString();
            return mounts.map(line -> line.split(" "))
                    .filter(f -> f.length > 2 && (dir.equals(f[1]) || dir.startsWith(f[1].endsWith("/") ? f[1] : f[1] + "/")))
                    .max((a, b) -> Integer.compare(a[1].length(), b[1].length()))
                    .map(f -> "data on " + f[2] + " (" + f[0] + ")")
                    .orElse("data on an unknown file system");
        } catch (IOException e) {
            return "data on an unknown file system";
        }
    }

    private static Optional<String> firstValue(Path file, String key) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
