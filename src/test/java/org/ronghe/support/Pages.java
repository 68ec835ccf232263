package org.ronghe.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import jakarta.servlet.http.Cookie;
import org.ronghe.platform.Accounts;
import org.ronghe.platform.security.AccountPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Opens pages as a signed-in demo account. */
public class Pages {

    private final MockMvc mvc;
    private final Accounts accounts;

    public Pages(MockMvc mvc, Accounts accounts) {
        this.mvc = mvc;
        this.accounts = accounts;
    }

    public Page open(String username, String path, Cookie... cookies) {
        return open(username, MockMvcRequestBuilders.get(path), cookies);
    }

    public Page open(String username, AbstractMockHttpServletRequestBuilder<?> request, Cookie... cookies) {
        var user = accounts.byUsername(username).orElseThrow();
        var principal = new AccountPrincipal(user, null, true, false);
        try {
            if (cookies.length > 0) {
                request.cookie(cookies);
            }
            MvcResult result = mvc.perform(request.with(authentication(
                    UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities())))).andReturn();
            return new Page(result.getResponse().getStatus(), result.getResponse().getContentAsString(), result);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public record Page(int status, String html, MvcResult result) {
    }
}
