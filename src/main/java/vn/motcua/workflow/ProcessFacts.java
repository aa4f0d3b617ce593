package vn.motcua.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierFacts;

/**
 * Every process instance of a dossier — a procedure, and each building block it calls — starts
 * with the dossier's facts read from motcua's tables (code, names, groups, fee, appointment), with
 * no listener in any diagram and no mapping in any call activity: what routes a dossier comes from
 * the service, never from a caller or a client.
 */
@Component
class ProcessFacts extends AbstractBpmnParseListener {

    private final DossierFacts facts;

    ProcessFacts(@Lazy DossierFacts facts) {
        this.facts = facts;
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) this::load);
    }

    private void load(DelegateExecution execution) {
        String code = execution.getProcessBusinessKey();
        if (code != null) {
            java.util.Map<String, Object> values = new java.util.HashMap<>(facts.of(code));
            // a list (the appraisal's options) is kept as JSON, readable by Tasklist's forms
            values.replaceAll((name, value) -> value instanceof java.util.List<?> list
                    ? org.camunda.bpm.engine.variable.Variables.objectValue(list)
                    .serializationDataFormat(org.camunda.bpm.engine.variable.Variables.SerializationDataFormats.JSON).create()
                    : value);
            execution.getProcessInstance().setVariables(values);
        }
    }
}
