package io.palimpsest.query.search.language;

import io.palimpsest.query.search.IndexFields;
import io.palimpsest.query.search.language.SearchExpression.And;
import io.palimpsest.query.search.language.SearchExpression.Comparison;
import io.palimpsest.query.search.language.SearchExpression.Exists;
import io.palimpsest.query.search.language.SearchExpression.Has;
import io.palimpsest.query.search.language.SearchExpression.InList;
import io.palimpsest.query.search.language.SearchExpression.Or;
import io.palimpsest.query.search.language.Value.Bool;
import io.palimpsest.query.search.language.Value.Numeric;
import io.palimpsest.query.search.language.Value.Text;
import io.palimpsest.query.search.language.Value.Timestamp;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates a {@link SearchExpression} into a Lucene query on the fields of {@link IndexFields}.
 * Only {@code HAS} scores (BM25); every other condition matches with a constant score. Conditions on
 * data we never index (uploader emails, embedded metadata) match nothing, and so their negations
 * match everything.
 */
public final class LuceneQueryTranslator {

    /** The analyzer the index gives its {@code .text} fields; thread-safe, it reuses token streams per thread. */
    private static final Analyzer TEXT_ANALYZER = new StandardAnalyzer();

    private LuceneQueryTranslator() {
    }

    public static Query translate(SearchExpression expression) {
        if (expression instanceof And and) {
            return combine(and.operands(), Occur.MUST);
        }
        if (expression instanceof Or or) {
            return combine(or.operands(), Occur.SHOULD);
        }
        if (expression instanceof Comparison comparison) {
            return comparison(comparison);
        }
        if (expression instanceof InList inList) {
            return inList.negated() ? not(anyOf(inList)) : anyOf(inList);
        }
        if (expression instanceof Has has) {
            return fullText(has);
        }
        if (expression instanceof Exists exists) {
            return exists.negated() ? not(exists(exists.field())) : exists(exists.field());
        }
        throw new IllegalArgumentException("Unknown search expression " + expression);
    }

    private static Query combine(List<SearchExpression> operands, Occur occur) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        operands.forEach(operand -> query.add(translate(operand), occur));
        return query.build();
    }

    private static Query not(Query query) {
        if (query instanceof MatchNoDocsQuery) {
            return new MatchAllDocsQuery();
        }
        return new BooleanQuery.Builder()
                .add(new MatchAllDocsQuery(), Occur.MUST)
                .add(query, Occur.MUST_NOT)
                .build();
    }

    private static Query comparison(Comparison comparison) {
        Field field = comparison.field();
        Value value = comparison.value();
        return switch (comparison.operator()) {
            case EQUALS -> equalTo(field, value);
            case NOT_EQUALS -> not(equalTo(field, value));
            case BEGINS_WITH -> beginsWith(field, value);
            default -> ordering(field, comparison.operator(), value);
        };
    }

    private static Query anyOf(InList inList) {
        List<Query> alternatives = new ArrayList<>();
        for (Value value : inList.values()) {
            Query alternative = equalTo(inList.field(), value);
            if (!(alternative instanceof MatchNoDocsQuery)) {
                alternatives.add(alternative);
            }
        }
        if (alternatives.isEmpty()) {
            return new MatchNoDocsQuery(inList.field().queryName() + " matches none of the values");
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
        alternatives.forEach(alternative -> query.add(alternative, Occur.SHOULD));
        return query.build();
    }

    private static Query equalTo(Field field, Value value) {
        if (field instanceof Field.CustomMetadata custom) {
            return customEqualTo(custom.key(), value);
        }
        if (field instanceof Field.EmbeddedMetadata embedded) {
            return notIndexed(embedded);
        }
        Field.Standard standard = (Field.Standard) field;
        return switch (standard) {
            case NAME -> term(IndexFields.NAME, text(field, value));
            case TAGS -> term(IndexFields.TAGS, text(field, value));
            case TYPE -> term(IndexFields.TYPE, text(field, value));
            case ID -> term(IndexFields.ID, text(field, value));
            case PATH -> term(IndexFields.PATH, text(field, value));
            case FORMAT -> term(IndexFields.FORMAT, text(field, value));
            case CREATED_AT, UPDATED_AT, WIDTH, HEIGHT, SIZE -> longEqualTo(pointField(standard), number(field, value));
            case PRIVATE -> term(IndexFields.PRIVATE, flag(field, value));
            case PUBLISHED -> term(IndexFields.PUBLISHED, flag(field, value));
            case TRANSPARENCY -> term(IndexFields.TRANSPARENCY, flag(field, value));
            case CREATED_BY -> notIndexed(field);
        };
    }

    private static Query customEqualTo(String key, Value value) {
        if (value instanceof Text text) {
            return term(IndexFields.customMetadata(key), text.text());
        }
        if (value instanceof Bool bool) {
            return term(IndexFields.customMetadata(key), bool.asText());
        }
        return DoublePoint.newExactQuery(IndexFields.customMetadataNumber(key), asDouble(key, value));
    }

    private static Query beginsWith(Field field, Value value) {
        if (field == Field.Standard.NAME) {
            return new PrefixQuery(new Term(IndexFields.NAME, text(field, value)));
        }
        if (field == Field.Standard.PATH) {
            // Every document lists its folder and all the folders above it, so a subtree is one term.
            return term(IndexFields.PATH_ANCESTORS, text(field, value));
        }
        if (field instanceof Field.CustomMetadata custom) {
            return new PrefixQuery(new Term(IndexFields.customMetadata(custom.key()), text(field, value)));
        }
        if (field instanceof Field.EmbeddedMetadata embedded) {
            return notIndexed(embedded);
        }
        throw new IllegalArgumentException("Operator : is not allowed on field '" + field.queryName() + "'");
    }

    private static Query ordering(Field field, Operator operator, Value value) {
        if (field instanceof Field.CustomMetadata custom) {
            return customOrdering(custom.key(), operator, value);
        }
        if (field instanceof Field.EmbeddedMetadata embedded) {
            return notIndexed(embedded);
        }
        return longOrdering(pointField((Field.Standard) field), operator, number(field, value));
    }

    private static Query customOrdering(String key, Operator operator, Value value) {
        if (value instanceof Text text) {
            String field = IndexFields.customMetadata(key);
            return switch (operator) {
                case LESS_THAN -> TermRangeQuery.newStringRange(field, null, text.text(), false, false);
                case LESS_OR_EQUAL -> TermRangeQuery.newStringRange(field, null, text.text(), false, true);
                case GREATER_THAN -> TermRangeQuery.newStringRange(field, text.text(), null, false, false);
                default -> TermRangeQuery.newStringRange(field, text.text(), null, true, false);
            };
        }
        String field = IndexFields.customMetadataNumber(key);
        double bound = asDouble(key, value);
        return switch (operator) {
            case LESS_THAN -> DoublePoint.newRangeQuery(field, Double.NEGATIVE_INFINITY, DoublePoint.nextDown(bound));
            case LESS_OR_EQUAL -> DoublePoint.newRangeQuery(field, Double.NEGATIVE_INFINITY, bound);
            case GREATER_THAN -> DoublePoint.newRangeQuery(field, DoublePoint.nextUp(bound), Double.POSITIVE_INFINITY);
            default -> DoublePoint.newRangeQuery(field, bound, Double.POSITIVE_INFINITY);
        };
    }

    /** Whole values only: a fractional one equals nothing, and a bound steps to the nearest whole value inside it. */
    private static Query longEqualTo(String field, BigDecimal value) {
        if (value.stripTrailingZeros().scale() > 0) {
            return new MatchNoDocsQuery(field + " is whole, never " + value.toPlainString());
        }
        return LongPoint.newExactQuery(field, value.longValueExact());
    }

    private static Query longOrdering(String field, Operator operator, BigDecimal bound) {
        long floor = bound.setScale(0, RoundingMode.FLOOR).longValueExact();
        long ceiling = bound.setScale(0, RoundingMode.CEILING).longValueExact();
        try {
            return switch (operator) {
                case LESS_THAN -> LongPoint.newRangeQuery(field, Long.MIN_VALUE, Math.addExact(ceiling, -1));
                case LESS_OR_EQUAL -> LongPoint.newRangeQuery(field, Long.MIN_VALUE, floor);
                case GREATER_THAN -> LongPoint.newRangeQuery(field, Math.addExact(floor, 1), Long.MAX_VALUE);
                case GREATER_OR_EQUAL -> LongPoint.newRangeQuery(field, ceiling, Long.MAX_VALUE);
                default -> throw new IllegalArgumentException(operator.symbol() + " is not an ordering");
            };
        } catch (ArithmeticException beyondEveryValue) {
            return new MatchNoDocsQuery(field + " " + operator.symbol() + " " + bound.toPlainString() + " is out of range");
        }
    }

    private static String pointField(Field.Standard field) {
        return switch (field) {
            case CREATED_AT -> IndexFields.CREATED_AT;
            case UPDATED_AT -> IndexFields.UPDATED_AT;
            case WIDTH -> IndexFields.WIDTH;
            case HEIGHT -> IndexFields.HEIGHT;
            case SIZE -> IndexFields.SIZE;
            default -> throw new IllegalArgumentException("'" + field.queryName() + "' is not a number or a date");
        };
    }

    /**
     * Every word must match, the last one as a prefix so results follow the user's typing. The last
     * word also counts as a whole word, so that {@code "red"} ranks "red dress" above "redwood".
     */
    private static Query fullText(Has has) {
        String field = textField(has.field());
        if (field == null) {
            return notIndexed(has.field());
        }
        List<String> words = words(field, has.text());
        if (words.isEmpty()) {
            return new MatchNoDocsQuery("no words in '" + has.text() + "'");
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String word : words.subList(0, words.size() - 1)) {
            query.add(term(field, word), Occur.MUST);
        }
        Term last = new Term(field, words.get(words.size() - 1));
        Query lastWord = new BooleanQuery.Builder()
                .add(new TermQuery(last), Occur.SHOULD)
                .add(new PrefixQuery(last), Occur.SHOULD)
                .build();
        return query.add(lastWord, Occur.MUST).build();
    }

    private static String textField(Field field) {
        if (field == Field.Standard.NAME) {
            return IndexFields.NAME_TEXT;
        }
        if (field == Field.Standard.TAGS) {
            return IndexFields.TAGS_TEXT;
        }
        if (field instanceof Field.CustomMetadata custom) {
            return IndexFields.customMetadataText(custom.key());
        }
        if (field instanceof Field.EmbeddedMetadata) {
            return null;
        }
        throw new IllegalArgumentException("Operator HAS is not allowed on field '" + field.queryName() + "'");
    }

    private static List<String> words(String field, String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = TEXT_ANALYZER.tokenStream(field, IndexFields.words(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException impossibleOnAString) {
            throw new UncheckedIOException(impossibleOnAString);
        }
        return words;
    }

    private static Query exists(Field field) {
        if (field == Field.Standard.TAGS) {
            // Tags are StringFields, without norms or doc values for a FieldExistsQuery; any term will do.
            return TermRangeQuery.newStringRange(IndexFields.TAGS, null, null, true, true);
        }
        if (field instanceof Field.CustomMetadata custom) {
            return term(IndexFields.CUSTOM_METADATA_KEYS, custom.key());
        }
        if (field instanceof Field.EmbeddedMetadata || field == Field.Standard.CREATED_BY) {
            return notIndexed(field);
        }
        throw new IllegalArgumentException("Operator EXISTS is not allowed on field '" + field.queryName() + "'");
    }

    private static Query notIndexed(Field field) {
        return new MatchNoDocsQuery(field.queryName() + " is not indexed");
    }

    private static Query term(String field, String text) {
        return new TermQuery(new Term(field, text));
    }

    private static String text(Field field, Value value) {
        if (value instanceof Text text) {
            return text.text();
        }
        throw mismatch(field, value);
    }

    private static String flag(Field field, Value value) {
        if (value instanceof Bool bool) {
            return bool.asText();
        }
        throw mismatch(field, value);
    }

    private static BigDecimal number(Field field, Value value) {
        if (value instanceof Numeric numeric) {
            return numeric.number();
        }
        if (value instanceof Timestamp timestamp) {
            return BigDecimal.valueOf(timestamp.epochMilli());
        }
        throw mismatch(field, value);
    }

    private static double asDouble(String customMetadataKey, Value value) {
        if (value instanceof Numeric numeric) {
            return numeric.number().doubleValue();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.epochMilli();
        }
        throw mismatch(new Field.CustomMetadata(customMetadataKey), value);
    }

    private static IllegalArgumentException mismatch(Field field, Value value) {
        return new IllegalArgumentException("Field '" + field.queryName() + "' cannot hold " + value);
    }
}
