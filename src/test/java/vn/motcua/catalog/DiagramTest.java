package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every diagram opens in Camunda Modeler with its picture: each element has a shape and each
 * flow an edge with waypoints (an element without one is invisible in Modeler). The file is also
 * validated against the BPMN schema when it is read.
 */
class DiagramTest {

    @Test
    void everyElementAndFlowOfEveryProcessIsDrawn() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:processes/**/*.bpmn");
        assertThat(files).isNotEmpty();
        for (Resource file : files) {
            BpmnModelInstance model;
            try (InputStream in = file.getInputStream()) {
                model = Bpmn.readModelFromStream(in);
            }
            Bpmn.validateModel(model);
            Set<String> drawn = new HashSet<>();
            model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
            for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
                drawn.add(edge.getBpmnElement().getId());
                assertThat(edge.getWaypoints()).as("%s: waypoints of %s", file.getFilename(), edge.getId()).hasSizeGreaterThanOrEqualTo(2);
            }
            model.getModelElementsByType(FlowNode.class)
                    .forEach(n -> assertThat(drawn).as("%s: shape of %s", file.getFilename(), n.getId()).contains(n.getId()));
            model.getModelElementsByType(SequenceFlow.class)
                    .forEach(f -> assertThat(drawn).as("%s: edge of %s", file.getFilename(), f.getId()).contains(f.getId()));
        }
    }
}
