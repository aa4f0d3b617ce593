package vn.motcua.workflow;

import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A building block on the engine alone: its diagram deployed into an in-memory engine
 * (camunda.cfg.xml), every motcua delegate and listener it names replaced by a Mockito mock, and the
 * dossier's facts given as start variables (in the service, every instance loads them itself).
 */
abstract class BlockTestSupport {

    @RegisterExtension
    ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    static final List<String> DELEGATES = List.of("acceptDossier", "refuseDossier", "requestSupplement", "supplementReceived",
            "requestPayment", "recordCashPayment", "routeToDepartment", "assignSpecialist", "issueResult", "stopProcessing",
            "resumeProcessing", "issueApology", "notifyDelay", "markLate");

    final Map<String, JavaDelegate> delegates = new LinkedHashMap<>();

    /** Every step's deadline is far ahead, so no step timer interferes unless a test fires one. */
    public static class StepDeadlinesStub {
        public Date due(DelegateExecution execution) {
            return Date.from(Instant.now().plus(30, ChronoUnit.DAYS));
        }

        public Date warning(DelegateExecution execution) {
            return Date.from(Instant.now().plus(29, ChronoUnit.DAYS));
        }
    }

    /** What motcua's ProcessFacts does in the service: every called instance starts with the dossier's facts. */
    public static class StartFacts extends org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener {
        static Map<String, Object> facts = Map.of();

        @Override
        public void parseProcess(org.camunda.bpm.engine.impl.util.xml.Element element,
                                 org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity definition) {
            definition.addBuiltInListener("start", (org.camunda.bpm.engine.delegate.ExecutionListener) execution -> {
                if (((DelegateExecution) execution).getSuperExecution() != null) {
                    ((DelegateExecution) execution).getProcessInstance().setVariables(facts);
                }
            });
        }
    }

    /** No commune has its own version of a block here. */
    public static class SharedBlocks {
        public String tenantOf(String key, DelegateExecution execution) {
            return null;
        }
    }

    @BeforeEach
    void mocks() {
        // camunda-bpm-assert works on this engine, not on one a Spring test of the same run left behind
        org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init(engine.getProcessEngine());
        for (String name : DELEGATES) {
            JavaDelegate delegate = mock(JavaDelegate.class);
            delegates.put(name, delegate);
            Mocks.register(name, delegate);
        }
        Mocks.register("stepWarning", mock(TaskListener.class));
        Mocks.register("stepOverdue", mock(TaskListener.class));
        Mocks.register("stepDeadlines", new StepDeadlinesStub());
        Mocks.register("blocks", new SharedBlocks());
        Mocks.register("resolution", new Blocks.Resolution());
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
    }

    JavaDelegate delegate(String name) {
        return delegates.get(name);
    }

    /** The facts every instance of a dossier starts with, for the Tân Giang demo commune. */
    static Map<String, Object> facts(String code, Object... more) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("dossierCode", code);
        vars.put("communeCode", "tan-giang");
        vars.put("procedureCode", "1.001193");
        vars.put("procedureName", "Đăng ký khai sinh");
        vars.put("applicantName", "Nguyễn Thị Hồng Nhung");
        vars.put("receptionGroup", "tan-giang:reception");
        vars.put("leaderGroup", "tan-giang:leader");
        vars.put("feeAmount", 0L);
        vars.put("clockPaused", false);
        vars.put("rescheduleCount", 0L);
        for (int i = 0; i < more.length; i += 2) vars.put((String) more[i], more[i + 1]);
        StartFacts.facts = Map.copyOf(vars);
        return vars;
    }
}
