package vn.motcua.organisation;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** {@code java -jar motcua.jar provision <org-chart.yaml | officials.csv>}: applies the file, prints what changed. */
@Component
@ConditionalOnProperty(name = "motcua.command", havingValue = "provision")
class ProvisionCommand implements ApplicationRunner, ExitCodeGenerator {

    private final Provisioning provisioning;
    private int exitCode;

    ProvisionCommand(Provisioning provisioning) {
        this.provisioning = provisioning;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (args.getNonOptionArgs().size() < 2) {
            System.err.println("usage: java -jar motcua.jar provision <org-chart.yaml | officials.csv>");
            exitCode = 2;
            return;
        }
        Path file = Path.of(args.getNonOptionArgs().get(1));
        try {
            Provisioning.Report report = provisioning.run(file.toString(), Files.readAllBytes(file), Provisioning.Format.of(file.toString()));
            System.out.print(report.summary());
        } catch (OrgChartException e) {
            System.err.println(e.getMessage());
            System.err.println("Nothing was applied.");
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
