package vn.motcua.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** Where a running dossier can wait, as a migration plan sees each shared block. */
class MigrationPlansTest {

    static Map<String, String> holding(String file, String key) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("processes/chung", file))) {
            BpmnModelInstance model = Bpmn.readModelFromStream(in);
            return MigrationPlans.holdingActivities(model, key);
        }
    }

    @Test
    void theReturnBlockWithItsEventBasedGatewayCanBePlanned() throws IOException {
        // the post office's events wait at an event-based gateway, which the model API refuses to ask about asyncAfter
        Map<String, String> activities = holding("tra-ket-qua.bpmn", "tra-ket-qua");
        assertThat(activities).containsKeys("Task_ReturnAtCounter", "Task_ReturnByPost", "Task_ConfirmPostDelivery");
        assertThat(activities).containsKey("EventGateway_PostOutcome");
    }

    @Test
    void everySharedBlockCanBePlanned() throws IOException {
        for (String block : new String[] {"tiep-nhan", "giai-quyet", "giai-quyet-phong", "giai-quyet-rut-gon", "giai-quyet-tai-cho", "tra-ket-qua"}) {
            assertThat(holding(block + ".bpmn", block)).as(block).isNotEmpty();
        }
    }
}
