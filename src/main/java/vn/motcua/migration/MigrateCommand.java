package vn.motcua.migration;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar motcua.jar migrate <processKey> [--dry-run]}: moves the running instances of a
 * process key to its latest version (or says what would happen) and prints the report. Exit code 0
 * when every instance was (or can be) migrated, 1 when the run was (or would be) refused, 2 for a
 * wrong command line.
 */
@Component
@ConditionalOnProperty(name = "motcua.command", havingValue = "migrate")
class MigrateCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String ACTOR = "admin (command line)";

    private final ProcessMigrations migrations;
    private int exitCode;

    MigrateCommand(ProcessMigrations migrations) {
        this.migrations = migrations;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.getNonOptionArgs().size() != 2) {
            System.err.println("usage: java -jar motcua.jar migrate <processKey> [--dry-run]");
            exitCode = 2;
            return;
        }
        String key = args.getNonOptionArgs().get(1);
        String problem = MigrationRequest.keyProblem(key);
        if (problem != null) {
            System.err.println("Wrong process key: " + problem);
            exitCode = 2;
            return;
        }
        try {
            MigrationReport report = migrations.run(key, args.containsOption("dry-run"), ACTOR);
            System.out.print(report.table());
            exitCode = report.migratable() ? 0 : 1;
        } catch (ProcessMigrations.UnknownProcessKey e) {
            System.err.println(e.getMessage());
            exitCode = 2;
        } catch (ProcessMigrations.MigrationRefused e) {
            System.out.print(e.report().table());
            System.err.println("Nothing was migrated: " + e.detail());
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
