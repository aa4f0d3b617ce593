package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The diagrams read only declared variables and beans, map only declared variables, and use known messages. */
class ModelContractTest {

    /** The service's beans that diagrams name: every delegate with a Modeler template, and the helpers. */
    static Set<String> beans() throws IOException {
        Set<String> beans = new HashSet<>(Set.of("stepDeadlines", "stepWarning", "stepOverdue", "blocks", "resolution", "postOffice",
                "interAgency"));
        for (JsonNode template : new ObjectMapper().readTree(new File("processes/.camunda/element-templates/motcua-delegates.json"))) {
            String value = template.path("properties").get(0).path("value").asText();
            beans.add(value.substring(2, value.length() - 1));
        }
        return beans;
    }

    private static Resource[] bpmn() throws IOException {
        return new PathMatchingResourcePatternResolver().getResources("classpath*:processes/**/*.bpmn");
    }

    @Test
    void everyExpressionMappingMessageAndErrorOfTheDiagramsIsInTheContract() throws IOException {
        assertThat(ModelContract.problems(bpmn(), beans()::contains)).isEmpty();
    }

    @Test
    void aMisspeltVariableAnUndeclaredMappingAndAnUnknownMessageAreRefused() throws IOException {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="t">
                  <bpmn:message id="m" name="CitizenCalled" />
                  <bpmn:process id="p" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:callActivity id="c" calledElement="tiep-nhan">
                      <bpmn:extensionElements><camunda:in source="dossierCodee" target="dossierCode" /></bpmn:extensionElements>
                    </bpmn:callActivity>
                    <bpmn:userTask id="t" camunda:candidateGroups="${receptionGroup}" camunda:assignee="${execution.getVariable('chuyenVien')}" />
                    <bpmn:sequenceFlow id="f" sourceRef="c" targetRef="t">
                      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${recepionDecision == 'ACCEPT' &amp;&amp; unknownBean.ok()}</bpmn:conditionExpression>
                    </bpmn:sequenceFlow>
                  </bpmn:process>
                </bpmn:definitions>
                """;
        Resource file = new ByteArrayResource(xml.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "sai.bpmn";
            }
        };
        List<String> problems = ModelContract.problems(new Resource[] {file}, beans()::contains);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'recepionDecision'"))
                .anySatisfy(p -> assertThat(p).contains("'unknownBean'"))
                .anySatisfy(p -> assertThat(p).contains("reads 'chuyenVien'"))
                .anySatisfy(p -> assertThat(p).contains("source=\"dossierCodee\""))
                .anySatisfy(p -> assertThat(p).contains("message CitizenCalled"))
                .noneSatisfy(p -> assertThat(p).contains("'receptionGroup'"));
    }
}
