package vn.motcua;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Tells whoever started the service where to go, and in the demo who to log in as: once, when it
 * first accepts traffic (the organisation is provisioned, so the logins it names work).
 */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final Environment env;
    private final AtomicBoolean shown = new AtomicBoolean();

    StartupBanner(Environment env) {
        this.env = env;
    }

    @EventListener
    void ready(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() != ReadinessState.ACCEPTING_TRAFFIC || env.containsProperty("motcua.command")
                || !shown.compareAndSet(false, true)) {
            return;
        }
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        String base = "http://localhost:" + port;
        StringBuilder text = new StringBuilder("\n\n  motcua is running\n")
                .append("    Tasklist   ").append(base).append("/camunda/app/tasklist/\n")
                .append("    Cockpit    ").append(base).append("/camunda/app/cockpit/\n")
                .append("    Admin      ").append(base).append("/camunda/app/admin/\n")
                .append("    Dossier API ").append(base).append("/api/dossiers   (Camunda REST: ").append(base).append("/engine-rest)\n");
        if (env.acceptsProfiles(Profiles.of("demo"))) {
            text.append("\n  Demo province Cao Bằng (password \"demo\" for everyone):\n")
                    .append("    admin                          province admin (Cockpit, Admin, Tasklist)\n")
                    .append("    tan-giang.reception            Bộ phận Một cửa, Phường Tân Giang\n")
                    .append("    tan-giang.vp.head              Trưởng phòng, Văn phòng HĐND và UBND\n")
                    .append("    tan-giang.vp.specialist1       Công chức thụ lý\n")
                    .append("    tan-giang.leader               Chủ tịch UBND phường\n")
                    .append("    wards: thuc-phan, nung-tri-cao, tan-giang; departments: vp, kt, vhxh\n");
        }
        log.info(text.toString());
    }
}
