package vn.motcua.catalog;

import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import vn.motcua.MotcuaProperties;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    /** The catalog, checked against the BPMN files and forms; the service refuses to start when they disagree. */
    @Bean
    ProcedureCatalog procedureCatalog(MotcuaProperties properties, ResourceLoader loader,
                                      org.springframework.beans.factory.ListableBeanFactory beans) throws IOException {
        ProcedureCatalog catalog = ProcedureCatalog.load(loader.getResource(properties.catalog()));
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(loader);
        List<String> problems = CatalogConsistency.problems(catalog,
                resolver.getResources("classpath*:processes/**/*.bpmn"),
                resolver.getResources("classpath*:forms/**/*.form"),
                beans::containsBean);
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }
        return catalog;
    }
}
