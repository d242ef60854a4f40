package io.palimpsest.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.axonframework.common.transaction.Transaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** On a real PostgreSQL: a projection batch commits asynchronously, and nothing else does. */
class AsynchronousCommitsTest {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void startPostgres() throws IOException {
        // durable, as the standalone runs it (the library's test defaults commit asynchronously)
        postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
        // one connection, so a setting that outlived its transaction would show in the next one
        dataSource = new SingleConnectionDataSource(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", true);
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE token (position bigint)");
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        ((SingleConnectionDataSource) dataSource).destroy();
        postgres.close();
    }

    private final AsynchronousCommits commits = new AsynchronousCommits(new DataSourceTransactionManager(dataSource),
            dataSource);

    @Test
    void commitsItsTransactionWithoutWaitingForTheWal() {
        Transaction transaction = commits.startTransaction();
        String mode = jdbc.queryForObject("SHOW synchronous_commit", String.class);
        jdbc.update("INSERT INTO token VALUES (1)");
        transaction.commit();

        assertThat(mode).isEqualTo("off");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM token WHERE position = 1", Long.class)).isEqualTo(1);
    }

    @Test
    void leavesTheNextTransactionOnTheConnectionSynchronous() {
        commits.startTransaction().commit();

        assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
    }

    @Test
    void rollsBackLikeAnyTransaction() {
        Transaction transaction = commits.startTransaction();
        jdbc.update("INSERT INTO token VALUES (2)");
        transaction.rollback();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM token WHERE position = 2", Long.class)).isZero();
    }
}
