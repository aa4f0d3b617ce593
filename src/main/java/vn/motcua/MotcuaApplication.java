package vn.motcua;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
@org.springframework.scheduling.annotation.EnableAsync
public class MotcuaApplication {

    /** Commands that run once against the database and exit, without the web server or the job executor. */
    static final java.util.Set<String> COMMANDS = java.util.Set.of("provision", "handover", "migrate");

    public static void main(String[] args) {
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            SpringApplication command = new SpringApplication(MotcuaApplication.class);
            command.setWebApplicationType(WebApplicationType.NONE);
            command.setDefaultProperties(Map.of(
                    "motcua.command", args[0],
                    "camunda.bpm.job-execution.enabled", "false",
                    "spring.main.banner-mode", "off",
                    "logging.level.root", "warn",
                    "spring.autoconfigure.exclude", String.join(",",
                            "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
                            "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration")));
            ConfigurableApplicationContext context = command.run(args);
            System.exit(SpringApplication.exit(context));
        }
        SpringApplication.run(MotcuaApplication.class, args);
    }
}
