package vn.motcua.workflow;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.AgencyPart;

/**
 * For the diagrams: {@code ${interAgency.parts(agencyParts)}}, the parts of a bundle ("THUONG_TRU,
 * THE_BHYT") that its resolution runs side by side, each checked against the known parts.
 */
@Component("interAgency")
public class InterAgency {

    public List<String> parts(String listed) {
        List<String> parts = new ArrayList<>();
        for (String code : listed == null ? new String[0] : listed.split("[,;\\s]+")) {
            if (code.isBlank()) continue;
            AgencyPart part = AgencyPart.of(code.strip())
                    .orElseThrow(() -> new IllegalStateException("Unknown inter-agency part " + code + " in agencyParts"));
            if (!parts.contains(part.name())) parts.add(part.name());
        }
        if (parts.isEmpty()) {
            throw new IllegalStateException("An inter-agency resolution needs agencyParts (e.g. THUONG_TRU,THE_BHYT)");
        }
        return parts;
    }
}
