package vn.motcua.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.process.DossierProcess.Block;
import vn.motcua.process.DossierProcess.Element;
import vn.motcua.support.DossierSteps;
import vn.motcua.support.Http;

/**
 * A commune may run its own version of a shared block: deployed under its tenant, it is the one its
 * dossiers call, while every other commune keeps the province's shared block.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class CommuneBlockOverrideTest {

    @LocalServerPort int port;
    @Autowired RepositoryService repository;
    @Autowired TaskService tasks;

    @Test
    void aCommunesOwnReceptionBlockIsCalledForItsDossiersOnly() throws Exception {
        BpmnModelInstance own;
        try (InputStream in = getClass().getResourceAsStream("/processes/chung/tiep-nhan.bpmn")) {
            own = Bpmn.readModelFromStream(in);
        }
        UserTask check = own.getModelElementById(Element.TASK_RECEPTION_CHECK);
        check.setName("Kiểm tra, tiếp nhận hồ sơ (quy trình riêng của phường Tân Giang)");
        repository.createDeployment().name("tan-giang-tiep-nhan").tenantId("tan-giang")
                .addModelInstance("tiep-nhan.bpmn", own).deploy();

        DossierSteps steps = new DossierSteps(new Http(port));
        String tanGiang = steps.submitted("tan-giang").taskId();
        String thucPhan = steps.submitted("thuc-phan").taskId();

        assertThat(tasks.createTaskQuery().taskId(tanGiang).singleResult().getName())
                .isEqualTo("Kiểm tra, tiếp nhận hồ sơ (quy trình riêng của phường Tân Giang)");
        assertThat(tasks.createTaskQuery().taskId(thucPhan).singleResult().getName()).isEqualTo("Kiểm tra, tiếp nhận hồ sơ");
        String ownDefinition = repository.createProcessDefinitionQuery().processDefinitionKey(Block.RECEPTION)
                .tenantIdIn("tan-giang").singleResult().getId();
        assertThat(tasks.createTaskQuery().taskId(tanGiang).singleResult().getProcessDefinitionId()).isEqualTo(ownDefinition);
        assertThat(tasks.createTaskQuery().taskId(thucPhan).singleResult().getProcessDefinitionId()).isNotEqualTo(ownDefinition);
    }
}
