package vn.motcua;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * motcua's own settings ({@code motcua.*}).
 *
 * @param catalog      location of the procedure catalog
 * @param zone         the province's time zone; dossier codes and working hours are read in it
 * @param admin        the province administrator
 * @param orgChart     an org chart provisioned at start-up, if any
 * @param demoPassword the password given to every demo official (demo profile only)
 */
@ConfigurationProperties(prefix = "motcua")
public record MotcuaProperties(String catalog, ZoneId zone, Admin admin, String orgChart, String demoPassword) {

    public MotcuaProperties {
        if (zone == null) {
            zone = ZoneId.of("Asia/Ho_Chi_Minh");
        }
        if (admin == null) {
            admin = new Admin("admin", null);
        }
    }

    public record Admin(String id, String password) {
    }
}
