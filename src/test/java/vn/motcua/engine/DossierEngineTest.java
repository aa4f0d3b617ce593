package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.support.DossierSteps;
import vn.motcua.support.Http;

/** The gateway sees a dossier whole: its procedure's instance and every block it is in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class DossierEngineTest {

    @LocalServerPort int port;
    @Autowired DossierEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired org.camunda.bpm.engine.TaskService tasks;

    @Autowired org.camunda.bpm.engine.ProcessEngineConfiguration configuration;
    @Autowired org.springframework.context.ApplicationContext context;

    @Test
    void anExpressionNamingADelegateGetsTheBeanAVariableOfThatNameNeverTakesItsPlace() {
        org.camunda.bpm.engine.impl.el.ExpressionManager expressions =
                ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) configuration).getExpressionManager();
        assertThat(expressions).isInstanceOf(DelegatesFirstExpressionManager.class);
        org.camunda.bpm.engine.delegate.VariableScope scope = new org.camunda.bpm.engine.impl.el.StartProcessVariableScope() {
            @Override
            public Object getVariable(String name) {
                return switch (name) {
                    case "stepWarning" -> "a variable that wants to be the listener";
                    case "headGroup" -> "tan-giang:vp:head";
                    default -> null;
                };
            }

            @Override
            public boolean hasVariable(String name) {
                return name.equals("stepWarning") || name.equals("headGroup");
            }
        };
        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) configuration).getCommandExecutorTxRequired().execute(command -> {
            assertThat(expressions.createExpression("${stepWarning}").getValue(scope))
                    .isSameAs(context.getBean("stepWarning")).isInstanceOf(org.camunda.bpm.engine.delegate.TaskListener.class);
            assertThat(expressions.createExpression("${headGroup}").getValue(scope)).as("not a bean: the variable")
                    .isEqualTo("tan-giang:vp:head");
            assertThat(expressions.createExpression("${workingTime}").getValue(scope)).as("a bean that is no delegate, as before")
                    .isSameAs(context.getBean("workingTime"));
            return null;
        });
    }

    @Test
    void aWithdrawnDossierEndsInItsProcedureAndInEveryBlockItWasIn() {
        Http http = new Http(port);
        DossierSteps.AtStep appraisal = new DossierSteps(http).atAppraisal();
        String code = appraisal.code();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count())
                .as("the procedure and the resolution block it called").isGreaterThan(1);
        org.camunda.bpm.engine.task.Task open = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();
        assertThat(open.getId()).isEqualTo(appraisal.taskId())
                .as("the engine's ids are motcua's compact ones").matches("[0-9A-Za-z]{20}");
        assertThat(open.getTaskDefinitionKey()).isEqualTo("Task_AppraiseDossier");
        assertThat(open.getAssignee()).isEqualTo("tan-giang.vp.specialist1");
        assertThat(engine.nextDue(code)).as("the due time of the step open in the block the procedure called")
                .contains(open.getDueDate().toInstant());
        assertThat(engine.nextDue(code + "9")).as("another dossier's code").isEmpty();
        assertThat(engine.runningDossiers("tan-giang")).contains(code).doesNotHaveDuplicates();

        http.post("/api/dossiers/" + code + "/withdrawal", Map.of("reason", "Gia đình đã đăng ký ở nơi khác"), "tan-giang.reception")
                .expect(200);

        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
        assertThat(engine.nextDue(code)).as("nothing open").isEmpty();
        assertThat(engine.runningDossiers("tan-giang")).doesNotContain(code);
        assertThat(engine.end(code, "again")).as("nothing left to end").isFalse();
        assertThat(engine.operations(code)).extracting(DossierEngine.Operation::userId)
                .as("the reception officer accepted it, the head assigned it").contains("tan-giang.reception", "tan-giang.vp.head");
    }
}
