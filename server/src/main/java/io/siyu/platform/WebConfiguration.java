package io.siyu.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    /** zh-CN unless the caller asks for English; anything else falls back to Chinese, the operators' language. */
    @Bean
    LocaleResolver localeResolver() {
        var resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(CHINESE, Locale.ENGLISH));
        resolver.setDefaultLocale(CHINESE);
        return resolver;
    }

    @Bean
    OpenAPI siyuOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Siyu API")
                        .version("v1")
                        .description("Private-domain customer operations on WeCom. Errors are RFC 9457 problem details"
                                + " in the caller's language (Accept-Language: zh-CN or en). Lists use cursor paging.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "apiKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description(
                                                "An API key created in the console: Authorization: Bearer siyu_...")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
