package org.ronghe.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API description: every call takes a bearer token from {@code POST /api/v1/auth/tokens}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI rongheApi() {
        return new OpenAPI()
                .info(new Info().title("融合 Ronghe API").version("v1")
                        .description("机关党建与业务融合平台。先以用户名和密码调用 POST /api/v1/auth/tokens 获取令牌，"
                                + "再在 Authorization 头中以 Bearer 方式携带。所有列表与记录按调用者的数据范围过滤；"
                                + "错误以 application/problem+json（RFC 9457）返回。"))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
