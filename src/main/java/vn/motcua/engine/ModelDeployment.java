package vn.motcua.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Deploys {@code processes/} and {@code forms/} as one deployment when the engine is built, before
 * the service takes requests. Resources are named by their path below the classpath root
 * ({@code processes/chung/thu-tuc.bpmn}), so every node of a cluster and every restart
 * sees the same names and duplicate filtering deploys only what an analyst changed.
 */
class ModelDeployment extends AbstractProcessEnginePlugin {

    static final String DEPLOYMENT_NAME = "motcua";
    private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);
    private static final List<String> PATTERNS = List.of("classpath*:processes/**/*.bpmn", "classpath*:forms/**/*.form");

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("motcua")
                .enableDuplicateFiltering(true);
        List<InputStream> open = new ArrayList<>();
        try {
            for (String pattern : PATTERNS) {
                for (Resource resource : resolver.getResources(pattern)) {
                    InputStream in = resource.getInputStream();
                    open.add(in);
                    deployment.addInputStream(name(resource), in);
                }
            }
            var result = deployment.deployWithResult();
            if (result.getDeployedProcessDefinitions() == null) {
                log.info("processes/ and forms/ unchanged since deployment {}", result.getId());
            } else {
                log.info("Deployed {} process definitions from processes/ and forms/ (deployment {})",
                        result.getDeployedProcessDefinitions().size(), result.getId());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read processes/ and forms/", e);
        } finally {
            for (InputStream in : open) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // read already
                }
            }
        }
    }

    static String name(Resource resource) throws IOException {
        String url = resource.getURL().toString();
        for (String root : List.of("/processes/", "/forms/")) {
            int at = url.lastIndexOf(root);
            if (at >= 0) {
                return url.substring(at + 1);
            }
        }
        return resource.getFilename();
    }
}
