package vn.motcua.handover;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** {@code java -jar motcua.jar handover <from-commune> <to-commune>}: moves every running dossier. */
@Component
@ConditionalOnProperty(name = "motcua.command", havingValue = "handover")
class HandoverCommand implements ApplicationRunner, ExitCodeGenerator {

    private final CommuneHandover handover;
    private int exitCode;

    HandoverCommand(CommuneHandover handover) {
        this.handover = handover;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.getNonOptionArgs().size() < 3) {
            System.err.println("usage: java -jar motcua.jar handover <from-commune> <to-commune>");
            exitCode = 2;
            return;
        }
        try {
            CommuneHandover.Result result = handover.handOver(args.getNonOptionArgs().get(1), args.getNonOptionArgs().get(2),
                    "admin (command line)");
            System.out.println("Handed over " + result.dossiers().size() + " running dossiers from " + result.from()
                    + " to " + result.to() + ":");
            result.dossiers().forEach(code -> System.out.println("  " + code));
        } catch (RuntimeException e) {
            System.err.println("Nothing was handed over: " + e.getMessage());
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
