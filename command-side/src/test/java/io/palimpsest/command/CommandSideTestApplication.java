package io.palimpsest.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The write side on its own, as integration tests run it (the standalone adds the read side). */
@SpringBootApplication
public class CommandSideTestApplication {
}
