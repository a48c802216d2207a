// The README's funding and cases walk-throughs with the generated TypeScript types
// (clients/typescript/schema.d.ts) and openapi-fetch, as a frontend would write them.
// tests/sdk/test_walkthroughs.py type-checks it (`tsc --noEmit`), runs it under Node with tsx
// against the real stack (PAKT_GATEWAY) and checks the JSON summary it prints.
import createClient, { type Client } from "openapi-fetch";
import type { components, paths } from "../../clients/typescript/schema";

type Schemas = components["schemas"];

const gateway = process.env.PAKT_GATEWAY ?? "http://127.0.0.1:8080";
const PASSWORD = "pakt-demo-2026"; // every demo user's
const CARITAS = "410973e4-8966-5b1f-a66a-48a0c939afa7"; // the demo charity (a provider)
const GOEPPINGEN = "312e6a4b-2565-5313-9398-3d1bdea2531d"; // Stadt Göppingen, AGS 08117019

// openapi-fetch answers { data } on success and { error } (the problem document) otherwise
function ok<T>(result: { data?: T; error?: unknown; response: Response }, status: number): T {
  const { data, error, response } = result;
  if (response.status !== status || data === undefined) {
    throw new Error(`${response.url}: expected ${status}, got ${response.status} ${JSON.stringify(error)}`);
  }
  return data;
}

function etag(response: Response): string {
  const value = response.headers.get("ETag");
  if (value === null) throw new Error(`${response.url}: no ETag`);
  return value;
}

async function login(username: string): Promise<Client<paths>> {
  const anonymous = createClient<paths>({ baseUrl: gateway });
  const token = ok(
    await anonymous.POST("/auth/v1/token", {
      body: { grant_type: "password", username, password: PASSWORD },
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    }),
    200,
  );
  return createClient<paths>({ baseUrl: gateway, headers: { Authorization: `Bearer ${token.access_token}` } });
}

async function funding() {
  const [applicant, reviewer, approver] = await Promise.all(
    ["applicant.goeppingen", "reviewer.goeppingen", "approver.stuttgart"].map(login),
  );
  const programmes = ok(await applicant.GET("/funding/v1/programmes"), 200);
  const draft: Schemas["ApplicationCreate"] = {
    programme_id: programmes.items[0].id,
    delivery_model: "provider",
    providers: [CARITAS],
    positions: [
      { manager_name: "Aylin Demir", qualification: "mid_level", fte: "1.00", start_on: "2017-04-01", months: 21 },
      { manager_name: "Jonas Keller", qualification: "university", fte: "0.50", start_on: "2017-07-01", months: 18 },
    ],
  };
  const created = await applicant.POST("/funding/v1/applications", {
    body: draft,
    params: { header: { "Idempotency-Key": crypto.randomUUID() } },
  });
  const application = ok(created, 201);
  const path = { application_id: application.id };
  let version = etag(created.response);
  const steps: [Client<paths>, Schemas["TransitionCreate"]][] = [
    [applicant, { action: "submit" }],
    [reviewer, { action: "forward", comment: "Befürwortet" }],
    [approver, { action: "approve" }],
  ];
  for (const [client, body] of steps) {
    const step = await client.POST("/funding/v1/applications/{application_id}/transitions", {
      params: { path, header: { "If-Match": version } },
      body,
    });
    ok(step, 201);
    version = etag(step.response);
  }
  const history = ok(await reviewer.GET("/funding/v1/applications/{application_id}/transitions", { params: { path } }), 200);
  const notice = ok(await applicant.GET("/funding/v1/applications/{application_id}/decision-notice", { params: { path } }), 200);
  const pdf = ok(
    await applicant.GET("/funding/v1/applications/{application_id}/decision-notice.pdf", {
      params: { path },
      parseAs: "arrayBuffer",
    }),
    200,
  );
  return {
    requested_amount: application.requested_amount,
    states: history.items.map((t) => t.to_state),
    notice_number: notice.notice_number,
    pdf_head: new TextDecoder().decode(pdf.slice(0, 5)),
  };
}

async function cases() {
  const worker = await login("cw.goeppingen");
  const opened = await worker.POST("/cases/v1/cases", {
    body: {
      pseudonym: "GP-Falke",
      municipality_ags: "08117019",
      opened_on: "2026-03-02",
      external_id: `KM-${crypto.randomUUID().slice(0, 8)}`,
    },
    params: { header: { "Idempotency-Key": crypto.randomUUID() } },
  });
  const path = { case_id: ok(opened, 201).id };
  const consented = await worker.PUT("/cases/v1/cases/{case_id}/consent", {
    params: { path, header: { "If-Match": etag(opened.response) } },
    body: { given_on: "2026-03-02", scope: ["personal_data", "plan", "referrals"], means: "written" },
  });
  ok(consented, 200);
  const person = await worker.PUT("/cases/v1/cases/{case_id}/person", {
    params: { path, header: { "If-Match": etag(consented.response) } },
    body: {
      name: "Amina Yusuf",
      birth_year: 1991,
      country_of_origin: "SY",
      languages: ["ar", "de"],
      household_size: 4,
      recognition_pending: true,
    },
  });
  ok(person, 200);
  const read = ok(await worker.GET("/cases/v1/cases/{case_id}", { params: { path } }), 200);
  const plan = ok(
    await worker.POST("/cases/v1/cases/{case_id}/plan/versions", {
      params: { path },
      body: {
        change_note: "Initial plan",
        next_review_on: "2026-06-01",
        goals: [
          { field: "language", description: "B1 German", status: "in_progress" },
          { field: "recognition", description: "Recognition of the pharmacy degree" },
        ],
      },
    }),
    201,
  );
  const consultation = ok(
    await worker.POST("/cases/v1/cases/{case_id}/consultations", {
      params: { path },
      body: { held_on: "2026-03-09", duration_minutes: 45, mode: "office", fields: ["language", "recognition"] },
    }),
    201,
  );
  const figures = ok(
    await worker.GET("/cases/v1/key-figures", {
      params: { query: { org: GOEPPINGEN, from: "2026-01-01", to: "2026-12-31" } },
    }),
    200,
  );
  return {
    person: read.person?.name ?? null,
    consent_means: read.consent?.means ?? null,
    plan_number: plan.number,
    consultation_minutes: consultation.duration_minutes,
    figures_org: figures.org,
  };
}

console.log(JSON.stringify({ funding: await funding(), cases: await cases() }));
