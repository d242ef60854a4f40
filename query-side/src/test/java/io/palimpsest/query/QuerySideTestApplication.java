package io.palimpsest.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The read side on its own, as its integration tests run it. */
@SpringBootApplication
public class QuerySideTestApplication {
}
