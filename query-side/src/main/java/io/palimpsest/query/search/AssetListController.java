package io.palimpsest.query.search;

import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.palimpsest.platform.web.ApiError;
import io.palimpsest.query.files.FileObjects;
import io.palimpsest.query.search.language.LuceneQueryTranslator;
import io.palimpsest.query.search.language.SearchExpression;
import io.palimpsest.query.search.language.SearchQueryParser;
import io.palimpsest.shared.files.FolderPath;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /v1/files}: list and search files, file versions and folders (spec §3.9, §5), answered
 * from this node's search index.
 */
@RestController
class AssetListController {

    static final int MAX_LIMIT = 1000;
    private static final List<String> TYPES = List.of("file", "file-version", "folder", "all");
    private static final List<String> FILE_TYPES = List.of("all", "image", "non-image");

    /** About what a File object takes, so that the response buffer rarely grows. */
    private static final int BYTES_PER_HIT = 1024;

    private final SearchIndex index;
    private final FileObjects objects;
    private final Clock clock;

    AssetListController(SearchIndex index, FileObjects objects, Clock clock) {
        this.index = index;
        this.objects = objects;
        this.clock = clock;
    }

    @GetMapping(path = "/v1/files", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<byte[]> list(@RequestParam Map<String, String> params) {
        return Mono.fromCallable(() -> search(params)).subscribeOn(Schedulers.boundedElastic());
    }

    /** The JSON array of the hits, copied from what the index stores plus each version's URLs. */
    byte[] search(Map<String, String> params) {
        int skip = integer(params, "skip", 0);
        if (skip < 0) {
            throw ApiError.badRequest("The value of skip parameter should be greater than or equal to 0. Value sent is "
                    + skip + ".");
        }
        int limit = integer(params, "limit", MAX_LIMIT);
        if (limit < 1) {
            throw ApiError.badRequest("Minimum value of limit parameter is 1. Value sent is " + limit + ".");
        }
        if (limit > MAX_LIMIT) {
            throw ApiError.badRequest("Maximum value of limit parameter is " + MAX_LIMIT + ". Value sent is " + limit
                    + ".");
        }
        Sort sort = sort(params.getOrDefault("sort", "ASC_CREATED"));
        Query query = query(params);
        List<RenderedHit> hits = index.search(query, sort, skip, limit, RenderedHit::new);
        ByteArrayBuilder out = new ByteArrayBuilder(BYTES_PER_HIT * hits.size() + 2);
        out.write('[');
        for (int i = 0; i < hits.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            hits.get(i).writeTo(out, objects);
        }
        out.write(']');
        return out.toByteArray();
    }

    private Query query(Map<String, String> params) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        // only listable documents: the index also holds each file's hidden state document
        query.add(new BooleanQuery.Builder()
                .add(term(IndexFields.TYPE, "file"), Occur.SHOULD)
                .add(term(IndexFields.TYPE, "file-version"), Occur.SHOULD)
                .add(term(IndexFields.TYPE, "folder"), Occur.SHOULD)
                .build(), Occur.FILTER);
        String type = params.getOrDefault("type", "file");
        if (!TYPES.contains(type)) {
            throw ApiError.badRequest("Your request contains invalid value for type parameter. Please provide one of "
                    + "the following: file, file-version, folder, all.");
        }
        String searchQuery = params.get("searchQuery");
        if (searchQuery != null && !searchQuery.isBlank()) {
            SearchExpression expression = new SearchQueryParser(clock).parse(searchQuery);
            query.add(LuceneQueryTranslator.translate(expression), Occur.MUST);
            if (!expression.constrainsType()) {
                query.add(term(IndexFields.TYPE, "file"), Occur.FILTER);
            }
        } else {
            query.add(typeFilter(type, "true".equalsIgnoreCase(params.get("includeFolder"))), Occur.FILTER);
            String tags = params.get("tags");
            if (tags != null && !tags.isBlank()) {
                BooleanQuery.Builder anyTag = new BooleanQuery.Builder();
                Arrays.stream(tags.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                        .forEach(tag -> anyTag.add(term(IndexFields.TAGS, tag), Occur.SHOULD));
                query.add(anyTag.build(), Occur.FILTER);
            }
            String name = params.get("name");
            if (name != null && !name.isBlank()) {
                query.add(term(IndexFields.NAME, name), Occur.FILTER);
            }
        }
        String path = params.get("path");
        if (path != null && !path.isBlank()) {
            query.add(term(IndexFields.PATH, folder(path)), Occur.FILTER);
        }
        String fileType = params.getOrDefault("fileType", "all");
        if (!FILE_TYPES.contains(fileType)) {
            throw ApiError.badRequest("Your request contains invalid value for fileType parameter. Please provide one "
                    + "of the following: all, image, non-image.");
        }
        if (!fileType.equals("all")) {
            query.add(new BooleanQuery.Builder()
                    .add(term(IndexFields.TYPE, "folder"), Occur.SHOULD)
                    .add(term(IndexFields.FILE_TYPE, fileType), Occur.SHOULD)
                    .build(), Occur.FILTER);
        }
        return query.build();
    }

    private static Query typeFilter(String type, boolean includeFolder) {
        if (type.equals("all") || (type.equals("file") && includeFolder)) {
            return new BooleanQuery.Builder()
                    .add(term(IndexFields.TYPE, "file"), Occur.SHOULD)
                    .add(term(IndexFields.TYPE, "folder"), Occur.SHOULD)
                    .build();
        }
        return term(IndexFields.TYPE, type);
    }

    private static String folder(String path) {
        try {
            return FolderPath.parse(path).value();
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("Your request contains invalid value for path parameter.", "INVALID_FOLDER_PATH");
        }
    }

    static Sort sort(String sort) {
        String value = sort.toUpperCase(Locale.ROOT);
        boolean descending = value.startsWith("DESC_");
        if (!descending && !value.startsWith("ASC_")) {
            throw invalidSort();
        }
        SortField tieBreak = new SortField(IndexDocuments.SORT_KEY, SortField.Type.STRING);
        String key = value.substring(value.indexOf('_') + 1);
        SortField primary = switch (key) {
            case "NAME" -> new SortField(IndexFields.NAME, SortField.Type.STRING, descending);
            case "CREATED" -> numeric(IndexFields.CREATED_AT, descending);
            case "UPDATED" -> numeric(IndexFields.UPDATED_AT, descending);
            case "HEIGHT" -> numeric(IndexFields.HEIGHT, descending);
            case "WIDTH" -> numeric(IndexFields.WIDTH, descending);
            case "SIZE" -> numeric(IndexFields.SIZE, descending);
            // scores sort best first by default: DESC is Lucene's natural order
            case "RELEVANCE" -> new SortField(null, SortField.Type.SCORE, !descending);
            default -> throw invalidSort();
        };
        return new Sort(primary, tieBreak);
    }

    /** Documents without the field (folders have no size) come last either way. */
    private static SortField numeric(String field, boolean descending) {
        SortField sortField = new SortField(field, SortField.Type.LONG, descending);
        sortField.setMissingValue(descending ? Long.MIN_VALUE : Long.MAX_VALUE);
        return sortField;
    }

    private static ApiError invalidSort() {
        return ApiError.badRequest("Your request contains invalid value for sort parameters.");
    }

    private static int integer(Map<String, String> params, String name, int defaultValue) {
        String raw = params.get(name);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("Your request contains invalid value for " + name + " parameter. Value sent is "
                    + raw + ".");
        }
    }

    private static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }
}
