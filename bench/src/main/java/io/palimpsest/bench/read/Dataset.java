package io.palimpsest.bench.read;

import io.palimpsest.shared.files.Content;
import io.palimpsest.shared.files.ContentHash;
import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FilePath;
import io.palimpsest.shared.files.FileVersion;
import io.palimpsest.shared.files.VersionDetails;
import io.palimpsest.shared.files.VersionId;
import io.palimpsest.shared.files.VersionSource;
import io.palimpsest.shared.files.events.FileCreated;
import io.palimpsest.shared.files.events.FileEvent;
import io.palimpsest.shared.files.events.VersionAdded;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The benchmark's library, generated from a seed: {@code files} files of {@code versionsPerFile}
 * versions each, in folders with subfolders, with names built from a word list, tags from a
 * vocabulary that some tags dominate, realistic media types, sizes and dimensions, and creation times
 * spread over the two years before {@code now}. The same seed gives the same library, so the
 * searches' parameters (which tags, words, months, folders) always match what is there.
 */
final class Dataset {

    static final String[] FOLDERS = {
            "/products/shoes/running/", "/products/shoes/casual/", "/products/bags/", "/products/accessories/",
            "/products/", "/marketing/campaigns/2024/", "/marketing/campaigns/2025/", "/marketing/social/",
            "/marketing/email/", "/blog/2024/", "/blog/2025/", "/brand/logos/", "/brand/guidelines/",
            "/users/avatars/", "/docs/manuals/", "/docs/invoices/", "/", "/archive/2023/"};
    /** Relative weights of {@link #FOLDERS}. */
    private static final int[] FOLDER_WEIGHTS = {10, 8, 9, 7, 4, 8, 9, 10, 5, 6, 7, 3, 2, 5, 3, 3, 2, 4};
    static final String[] TOP_FOLDERS = {"/products/", "/marketing/", "/blog/", "/users/"};

    static final String[] WORDS = {
            "sunset", "beach", "summer", "winter", "red", "dress", "logo", "banner", "hero", "product", "shoe",
            "running", "team", "portrait", "office", "city", "night", "mountain", "lake", "forest", "coffee", "cup",
            "table", "chair", "lamp", "blue", "green", "black", "white", "vintage", "modern", "sale", "launch",
            "event", "conference", "avatar", "invoice", "manual", "report", "poster"};

    /** Ordered by popularity: a tag's weight falls with its rank (Zipf). */
    static final String[] TAGS = {
            "product", "web", "social", "banner", "summer", "sale", "featured", "lifestyle", "approved", "homepage",
            "instagram", "winter", "catalog", "studio", "outdoor", "2025", "2024", "logo", "portrait", "landscape",
            "team", "event", "print", "draft", "archive", "newsletter", "black-friday", "launch", "ugc", "hero"};

    private record Kind(String mime, String extension, int weight, long medianSize, boolean image) {
    }

    private static final Kind[] KINDS = {
            new Kind("image/jpeg", "jpg", 45, 900_000, true),
            new Kind("image/png", "png", 20, 350_000, true),
            new Kind("image/webp", "webp", 10, 180_000, true),
            new Kind("image/gif", "gif", 3, 600_000, true),
            new Kind("application/pdf", "pdf", 13, 1_200_000, false),
            new Kind("video/mp4", "mp4", 6, 40_000_000, false),
            new Kind("application/zip", "zip", 3, 8_000_000, false)};

    private static final int[][] DIMENSIONS = {
            {1920, 1080}, {1280, 720}, {1080, 1080}, {1080, 1350}, {3840, 2160}, {4032, 3024}, {3024, 4032},
            {800, 600}, {1200, 628}, {2048, 1365}, {512, 512}, {256, 256}, {640, 480}, {1600, 900}};

    private static final String[] DESCRIPTIONS = {
            "Final cut approved by the brand team", "Retouched, colour corrected", "Crop for the mobile hero",
            "Replaced background", "Lower compression for print", "Legal asked for a new disclaimer"};

    private final long seed;
    private final int files;
    private final int versionsPerFile;
    private final Instant now;
    private final Instant oldest;

    Dataset(long seed, int files, int versionsPerFile, Instant now) {
        this.seed = seed;
        this.files = files;
        this.versionsPerFile = versionsPerFile;
        this.now = now;
        this.oldest = now.minus(Duration.ofDays(730));
    }

    int files() {
        return files;
    }

    int versionsPerFile() {
        return versionsPerFile;
    }

    long events() {
        return (long) files * versionsPerFile;
    }

    Instant now() {
        return now;
    }

    /** One generated file: its id, path and its events in order (FileCreated, then VersionAdded). */
    record GeneratedFile(FileId fileId, FilePath path, List<FileEvent> events, List<Instant> times) {

        String lastVersionId() {
            FileEvent last = events.get(events.size() - 1);
            return last instanceof VersionAdded added ? added.version().versionId().value()
                    : ((FileCreated) last).firstVersion().versionId().value();
        }
    }

    /** File number {@code index} (0-based); every call with the same index gives the same file. */
    GeneratedFile file(int index) {
        Random random = new Random(seed * 1_000_003L + index);
        String folder = weighted(random, FOLDERS, FOLDER_WEIGHTS);
        Kind kind = KINDS[weightedIndex(random, Arrays.stream(KINDS).mapToInt(Kind::weight).toArray())];
        String word1 = WORDS[random.nextInt(WORDS.length)];
        String word2 = WORDS[random.nextInt(WORDS.length)];
        String name = word1 + "-" + word2 + "-" + String.format(Locale.ROOT, "%05d", index) + "." + kind.extension();
        FilePath path = FilePath.of(folder, name);

        long span = Duration.between(oldest, now.minus(Duration.ofDays(1))).toSeconds();
        Instant created = oldest.plusSeconds((long) (random.nextDouble() * span)).plusNanos(random.nextInt(1_000_000) * 1000L);
        List<Instant> times = versionTimes(random, created);
        FileId fileId = new FileId(objectId(random, created));

        Set<String> tags = new LinkedHashSet<>();
        int tagCount = random.nextInt(5);
        for (int t = 0; t < tagCount; t++) {
            tags.add(zipfTag(random));
        }
        int[] dims = DIMENSIONS[random.nextInt(DIMENSIONS.length)];
        long size = logNormal(random, kind.medianSize());
        List<FileEvent> events = new ArrayList<>(versionsPerFile);
        for (int v = 0; v < versionsPerFile; v++) {
            Instant at = times.get(v);
            if (v > 0) {
                // most new versions keep the tags; some gain or lose one, a few are re-cropped
                double change = random.nextDouble();
                if (change < 0.10) {
                    tags.add(zipfTag(random));
                } else if (change < 0.15 && !tags.isEmpty()) {
                    tags.remove(tags.iterator().next());
                }
                if (random.nextDouble() < 0.08) {
                    dims = DIMENSIONS[random.nextInt(DIMENSIONS.length)];
                }
                size = Math.max(1024, (long) (size * (0.8 + random.nextDouble() * 0.45)));
            }
            VersionId versionId = v == 0 ? fileId.firstVersionId() : new VersionId(objectId(random, at));
            boolean alpha = kind.mime().equals("image/png") || kind.mime().equals("image/webp")
                    ? random.nextBoolean() : false;
            Content content = new Content(new ContentHash(sha256(random)), size, kind.mime(),
                    kind.image() ? dims[0] : null, kind.image() ? dims[1] : null, kind.image() ? alpha : null);
            String description = random.nextDouble() < 0.1 ? DESCRIPTIONS[random.nextInt(DESCRIPTIONS.length)] : null;
            VersionDetails details = new VersionDetails(new ArrayList<>(tags), List.of(), Map.of(), null, description,
                    false, true);
            FileVersion version = new FileVersion(versionId, v + 1, content, details, at, VersionSource.UPLOAD);
            events.add(v == 0 ? new FileCreated(fileId, path, version, null) : new VersionAdded(fileId, version));
        }
        return new GeneratedFile(fileId, path, events, times);
    }

    /** The first version at {@code created}, the others spread between it and an hour ago, in order. */
    private List<Instant> versionTimes(Random random, Instant created) {
        long spanMicros = Duration.between(created, now.minus(Duration.ofHours(1))).toNanos() / 1000;
        long[] offsets = new long[versionsPerFile - 1];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = 1 + (long) (random.nextDouble() * spanMicros);
        }
        Arrays.sort(offsets);
        List<Instant> times = new ArrayList<>(versionsPerFile);
        times.add(created);
        for (long offset : offsets) {
            times.add(created.plusNanos(offset * 1000));
        }
        return times;
    }

    // ---- what the searches look for --------------------------------------------------------------

    /** Tags that many files carry (the most popular ones). */
    List<String> searchTags() {
        return List.of(Arrays.copyOfRange(TAGS, 0, 8));
    }

    /** Words of file names. */
    List<String> searchWords() {
        return List.of("sunset", "beach", "coffee", "mountain", "poster", "vintage", "running", "invoice");
    }

    /** Calendar months inside the two years the library spans: {@code [from, to)}. */
    List<LocalDate[]> searchMonths() {
        List<LocalDate[]> months = new ArrayList<>();
        LocalDate first = LocalDate.ofInstant(oldest, ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1);
        for (int i = 0; i < 8; i++) {
            LocalDate from = first.plusMonths(i * 3L);
            months.add(new LocalDate[]{from, from.plusMonths(1)});
        }
        return months;
    }

    /** Size ranges in bytes: {@code [from, to)}. */
    List<long[]> searchSizes() {
        return List.of(new long[]{1_000_000, 2_000_000}, new long[]{100_000, 500_000},
                new long[]{2_000_000, 5_000_000}, new long[]{500_000, 1_000_000});
    }

    /** Folders whose subtree the folder search lists. */
    List<String> searchFolders() {
        return List.of(TOP_FOLDERS);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static String zipfTag(Random random) {
        double[] cumulative = ZIPF;
        double pick = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (pick < cumulative[i]) {
                return TAGS[i];
            }
        }
        return TAGS[TAGS.length - 1];
    }

    private static final double[] ZIPF = zipf(TAGS.length);

    private static double[] zipf(int n) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        return cumulative;
    }

    private static <T> T weighted(Random random, T[] values, int[] weights) {
        return values[weightedIndex(random, weights)];
    }

    private static int weightedIndex(Random random, int[] weights) {
        int total = Arrays.stream(weights).sum();
        int pick = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Sizes spread around a median over about two orders of magnitude. */
    private static long logNormal(Random random, long median) {
        return Math.max(2048, (long) (median * Math.exp(random.nextGaussian() * 1.1)));
    }

    /** 24 hex characters shaped like a MongoDB ObjectId: creation second, then random bits. */
    private static String objectId(Random random, Instant at) {
        return String.format(Locale.ROOT, "%08x%016x", at.getEpochSecond(), random.nextLong());
    }

    private static String sha256(Random random) {
        return String.format(Locale.ROOT, "%016x%016x%016x%016x", random.nextLong(), random.nextLong(),
                random.nextLong(), random.nextLong());
    }
}
