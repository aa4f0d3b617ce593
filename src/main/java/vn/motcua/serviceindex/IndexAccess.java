package vn.motcua.serviceindex;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.motcua.common.FieldError;
import vn.motcua.common.InvalidRequestException;
import vn.motcua.organisation.OrgDirectory;
import vn.motcua.security.AccessDenied;
import vn.motcua.security.Caller;

/**
 * Who sees which figures of the service index: the province's admins every commune and the ranking,
 * a commune's officials their own commune (theirs when they name none), nobody else.
 */
@Component
class IndexAccess {

    private final OrgDirectory directory;

    IndexAccess(OrgDirectory directory) {
        this.directory = directory;
    }

    /** The commune asked for, if the caller may see it; an official's own commune when none is asked for. */
    String commune(Caller caller, String commune) {
        if (commune != null && (commune.length() > 64 || directory.commune(commune).isEmpty())) {
            throw new InvalidRequestException(List.of(new FieldError("commune", "Không có xã, phường này")));
        }
        if (caller.isAdmin()) return commune;
        if (!(caller instanceof Caller.Official official)) {
            throw new AccessDenied("Chỉ công chức và quản trị của tỉnh xem chỉ số phục vụ");
        }
        if (commune != null) {
            if (!caller.isOfficialOf(commune)) throw new AccessDenied("Chỉ xem được chỉ số của xã, phường mình");
            return commune;
        }
        return official.groups().stream().filter(g -> g.contains(":") && !g.startsWith("province:"))
                .map(g -> g.substring(0, g.indexOf(':'))).filter(c -> directory.commune(c).isPresent()).findFirst()
                .orElseThrow(() -> new AccessDenied("Chỉ công chức và quản trị của tỉnh xem chỉ số phục vụ"));
    }
}
