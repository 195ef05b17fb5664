package dk.hotline.routing.referral;

import dk.hotline.platform.problem.ProblemException;
import dk.hotline.platform.problem.ProblemMapper;
import dk.hotline.routing.referral.domain.ActionConflictException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** An action that contradicts the referral's state (the domain's refusal) as the platform's 409 problem. */
public class ActionConflictProblems {

    @ServerExceptionMapper
    public Response conflict(ActionConflictException e) {
        return ProblemMapper.answer(ProblemException.conflict("conflict", "Conflict with the referral's state",
                e.getMessage(), java.util.List.of()).toProblem());
    }
}
