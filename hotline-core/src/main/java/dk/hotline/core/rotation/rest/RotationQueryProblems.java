package dk.hotline.core.rotation.rest;

import dk.hotline.core.rotation.domain.RotationQueryException;
import dk.hotline.platform.problem.ProblemException;
import dk.hotline.platform.problem.ProblemMapper;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The rotation's own query checks (a range too long, a date out of support) as the platform's 400 problem. */
public class RotationQueryProblems {

    @ServerExceptionMapper
    public Response rotationQuery(RotationQueryException e) {
        return ProblemMapper.answer(ProblemException.badField(e.violation().field(), e.violation().message()).toProblem());
    }
}
