package io.lightsout.appliance.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;
import java.util.List;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** Builds the Jersey application from resource instances: explicit registration, no classpath scanning. */
public final class ApiApplication {
    private ApiApplication() {
    }

    /**
     * @param resources resource instances (each method annotated with {@code @Allow} or {@code @Public})
     * @param filters   the authentication filter and any other providers
     */
    public static ResourceConfig build(List<Object> resources, List<Object> filters) {
        ObjectMapper mapper = Json.mapper();
        ResourceConfig rc = new ResourceConfig();
        rc.property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        rc.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        rc.property(ServerProperties.BV_FEATURE_DISABLE, true);
        rc.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        rc.property(ServerProperties.PROCESSING_RESPONSE_ERRORS_ENABLED, true);
        rc.register(JacksonFeature.withoutExceptionMappers());
        rc.register(new MapperResolver(mapper));
        rc.register(new ProblemMapper());
        rc.register(new AuthorizationFeature());
        rc.register(new QueryParameterFeature());
        filters.forEach(rc::register);
        resources.forEach(rc::register);
        return rc;
    }

    /** Hands the API's ObjectMapper to Jersey's Jackson provider. */
    private record MapperResolver(ObjectMapper mapper) implements ContextResolver<ObjectMapper> {
        @Override
        public ObjectMapper getContext(Class<?> type) {
            return mapper;
        }
    }
}
