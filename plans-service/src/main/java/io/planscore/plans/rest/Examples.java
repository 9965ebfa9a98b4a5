package io.planscore.plans.rest;

/** OpenAPI examples of the plans API. */
final class Examples {

    private Examples() {
    }

    static final String DOCUMENT = """
            {"schema": "seed-plan-fixture/v1", "fixture_id": "demo-police-107",
             "plan": {"government": "嘉義市政府", "agency": "嘉義市政府警察局", "agency_en": "Chiayi City Police Department",
                      "title": "嘉義市政府警察局 107 年度施政計畫", "kind": "annual",
                      "period": {"roc_start": 107, "roc_end": 107, "ad_start": 2018, "ad_end": 2018, "years_roc": [107]},
                      "mission": null, "vision": null, "priorities": []},
             "evaluation_code_legend": null, "facets": [],
             "goals": [{"id": "G1", "seq": "1", "kind": "key_strategic", "name": "加強打擊犯罪", "category": "業務成果",
                        "category_en": "business outcome", "facet_id": null, "weight_pct": null, "bonus_max_pct": null,
                        "narrative_items": [], "source_lines": [], "note": null,
                        "indicators": [{"id": "G1-K1", "no": "1", "kind": "kpi", "name": "全般刑案破獲率", "weight_pct": null,
                                        "evaluation_code": 1, "evaluation_method": "統計數據", "measurement_standard": "全般刑案破獲率",
                                        "formula": null, "polarity": {"value": "higher_is_better", "basis": "default", "evidence": ""},
                                        "targets": [{"year_roc": 107, "year_ad": 2018, "raw": "85%", "form": "percent",
                                                     "comparator": null, "number": 85, "scale": null, "value": 85, "unit": "%"}],
                                        "scoring_rule": null, "source_lines": [], "note": null}]}],
             "programs": [], "counts": {"targets": 1}}""";

    private static final String PLAN_FIELDS = """
            "id": "5b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d", "agencyId": "9f3e2c1a-5d4b-4c3e-9a8f-1b2c3d4e5f60",
            "agencyName": "嘉義市政府警察局", "title": "嘉義市政府警察局 107 年度施政計畫", "kind": "annual",
            "fixtureId": "003-chiayi-police-107", "period": {"rocStart": 107, "rocEnd": 107, "adStart": 2018, "adEnd": 2018},
            "counts": {"goals": 22, "commonGoals": 0, "indicators": 30, "commonIndicators": 0, "targetCells": 30, "facets": 5},
            "createdAt": "2026-11-22T02:00:00Z", "createdBy": "key:ab12\"""";

    static final String CREATED = "{" + PLAN_FIELDS + """
            , "version": 1, "status": "approved", "currentVersion": 1, "latestVersion": 1,
             "approvedAt": "2026-11-22T02:00:00Z", "approvedBy": "key:ab12",
             "warnings": [{"field": "facets[3].weight_pct", "code": "WEIGHTS_DO_NOT_ADD_UP",
                           "message": "the goal weights of facet 'F4' add up to 18, not to the facet's weight 20.",
                           "expected": 20, "actual": 18}]}""";

    static final String DRAFT = "{" + PLAN_FIELDS + """
            , "version": 2, "status": "draft", "currentVersion": 1, "latestVersion": 2, "warnings": []}""";

    static final String APPROVED = "{" + PLAN_FIELDS + """
            , "version": 2, "status": "approved", "currentVersion": 2, "latestVersion": 2,
             "approvedAt": "2026-11-23T08:00:00Z", "approvedBy": "key:ab12",
             "justification": "警政署 revised the national target for 2018."}""";

    static final String PLAN = "{" + PLAN_FIELDS + """
            , "version": 1, "status": "approved", "currentVersion": 1, "latestVersion": 1,
             "approvedAt": "2026-11-22T02:00:00Z", "approvedBy": "key:ab12",
             "document": {"schema": "seed-plan-fixture/v1", "plan": {"title": "嘉義市政府警察局 107 年度施政計畫"}, "facets": [], "goals": []}}""";

    static final String PAGE = "{\"items\": [" + "{" + PLAN_FIELDS + """
            , "version": 1, "status": "approved", "currentVersion": 1, "latestVersion": 1}], "page": 0, "size": 20, "total": 1}""";

    static final String VERSIONS = """
            [{"version": 1, "status": "superseded", "createdAt": "2026-11-22T02:00:00Z", "createdBy": "key:ab12",
              "approvedAt": "2026-11-22T02:00:00Z", "approvedBy": "key:ab12", "supersededAt": "2026-11-23T08:00:00Z",
              "justification": null, "counts": {"goals": 22, "commonGoals": 0, "indicators": 30, "commonIndicators": 0, "targetCells": 30, "facets": 5}},
             {"version": 2, "status": "approved", "createdAt": "2026-11-23T07:00:00Z", "createdBy": "key:ab12",
              "approvedAt": "2026-11-23T08:00:00Z", "approvedBy": "key:ab12", "supersededAt": null,
              "justification": "警政署 revised the national target for 2018.",
              "counts": {"goals": 22, "commonGoals": 0, "indicators": 30, "commonIndicators": 0, "targetCells": 30, "facets": 5}}]""";

    static final String DIFF = """
            {"planId": "5b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d", "from": 1, "to": 2, "changeCount": 3,
             "changes": [{"path": "goals[F1-G2].indicators[F1-G2-K1].targets[2018].raw", "op": "changed", "from": "≥90%", "to": "≥92%"},
                         {"path": "goals[F1-G2].indicators[F1-G2-K1].targets[2018].number", "op": "changed", "from": 90, "to": 92},
                         {"path": "goals[F1-G2].indicators[F1-G2-K1].targets[2018].value", "op": "changed", "from": 90, "to": 92}]}""";

    static final String IMPORTED = """
            {"imported": 1, "plans": [{"id": "5b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d", "version": 1, "status": "approved",
              "agencyId": "9f3e2c1a-5d4b-4c3e-9a8f-1b2c3d4e5f60", "agencyName": "基隆市警察局",
              "title": "基隆市警察局中程施政計畫（107 至 110 年度）", "kind": "mid_term",
              "counts": {"goals": 6, "commonGoals": 3, "indicators": 12, "commonIndicators": 3, "targetCells": 60, "facets": 0},
              "warnings": []}]}""";

    static final String PROBLEM_400 = """
            {"type": "https://planscore.io/problems/malformed-json", "title": "The body is not valid JSON", "status": 400,
             "detail": "Unexpected end-of-input at line 3, column 1", "instance": "/api/v1/plans",
             "errors": [{"field": "$", "code": "MALFORMED_JSON", "message": "Unexpected end-of-input"}]}""";

    static final String PROBLEM_422 = """
            {"type": "https://planscore.io/problems/invalid-plan-document", "title": "The plan document is not valid",
             "status": 422, "detail": "3 problems in the plan document; nothing was stored. First: goals[1].id: goal id 'G1' is already used by goals[0].",
             "instance": "/api/v1/plans",
             "errors": [{"field": "goals[1].id", "code": "DUPLICATE_ID", "message": "goal id 'G1' is already used by goals[0]."},
                        {"field": "goals[3].indicators[1].targets[0].form", "code": "UNKNOWN_VALUE", "message": "form \\"percentage\\" is not one of [...]."},
                        {"field": "goals[4].indicators[0].formula.expression", "code": "UNKNOWN_OPERAND", "message": "the expression \\"A / C * 100\\" names 'C', which is not among the operands, constants or derived components [A, B]."}]}""";

    static final String PROBLEM_PAGE_SIZE = """
            {"type": "https://planscore.io/problems/bad-request", "title": "The request cannot be read", "status": 400,
             "detail": "size must be between 1 and 200", "instance": "/api/v1/plans",
             "errors": [{"field": "size", "code": "INVALID_FIELD", "message": "size must be between 1 and 200"}]}""";

    static final String PROBLEM_404 = """
            {"type": "https://planscore.io/problems/not-found", "title": "Plan not found", "status": 404,
             "detail": "Plan '5b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d' does not exist.", "instance": "/api/v1/plans/5b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d"}""";

    static final String PROBLEM_409 = """
            {"type": "https://planscore.io/problems/conflict", "title": "The request conflicts with the current state",
             "status": 409, "detail": "Version 1 is superseded; only a draft can be approved."}""";

    static final String PROBLEM_LOWERED = """
            {"type": "https://planscore.io/problems/validation", "title": "The request is not valid", "status": 422,
             "detail": "Version 2 lowers 1 target(s) against the version in force; give a justification.",
             "errors": [{"field": "goals[1].indicators[0].targets[0].value", "code": "TARGET_LOWERED",
                         "message": "the 2018 target of F1-G2-K1 goes from 90 (version 1) to 85 (higher is better)"},
                        {"field": "justification", "code": "REQUIRED", "message": "Version 2 lowers 1 target(s) of version 1; approving it needs a justification."}]}""";

    static final String TABLE_LAYOUT = """
            A KPI table in the seed layout. Optional header block of `key, value` rows: 計畫名稱 (title), 政府             (government), 機關 (agency), 機關英文名稱 (agency_en), 計畫類別 (kind: mid_term/中程, annual/年度), 上位計畫             (parent_plan), 計畫代碼 (fixture_id), 使命 (mission), 願景 (vision); query parameters of the same names win.             Then the table: a header row with 序號 (goal_seq), 關鍵策略目標 (goal), 類別 (category), 編號 (indicator_no),             關鍵績效指標 (indicator), 評估體制 (evaluation_code), 評估方式 (evaluation_method), 衡量標準             (measurement_standard) and one column per year (107, 107年度 or 2018) holding the target cell as printed;             optionally 目標代碼 (goal_id), 指標代碼 (indicator_id), 目標種類 (goal_kind), 指標種類 (indicator_kind), 單位 (unit),             極性 (polarity), 面向 (facet_id), 目標權重 (goal_weight), 權重 (weight), 目標英文名稱 (goal_en), 指標英文名稱             (indicator_en). Goal cells may be left empty on a goal's later rows. Target cells are read as number, 萬             scale, unit and comparator (≥, 以上 …); `-` is no target, an empty cell a missing one. Without id columns             goals are G<seq> and indicators <goal>-K<no>. Headers may be zh-TW or English. Export gives the same layout.""";

    static final String CSV = """
            計畫名稱,基隆市警察局中程施政計畫（107 至 110 年度）
            政府,基隆市政府
            機關,基隆市警察局
            計畫類別,mid_term

            序號,關鍵策略目標,類別,編號,關鍵績效指標,評估體制,評估方式,衡量標準,107,108,109,110
            1,加強打擊犯罪，有效維護社會治安,業務成果,1,全般刑案破獲率,1,統計數據,全般刑案破獲率,85%,85%,85%,85%
            ,,,2,預防犯罪宣導,1,統計數據,辦理各類加強預防犯罪宣導場次,50場,50場,50場,50場
            """;

    static final String PROBLEM_TABLE_400 = """
            {"type": "https://planscore.io/problems/bad-request", "title": "The request cannot be read", "status": 400,
             "detail": "The body is not a readable XLSX workbook: …", "errors": [{"field": "$", "code": "UNREADABLE_XLSX", "message": "…"}]}""";

    static final String PROBLEM_TABLE_422 = """
            {"type": "https://planscore.io/problems/invalid-plan-table", "title": "The KPI table is not valid", "status": 422,
             "detail": "2 problems in the table; nothing was stored. First: metadata.title: The plan title is missing: …",
             "errors": [{"field": "metadata.title", "code": "REQUIRED", "message": "The plan title is missing: give a '計畫名稱' row in the header block or the query parameter title."},
                        {"field": "table[9].evaluation_code", "code": "INVALID_CODE", "message": "評估體制 '甲' is not a code 1–5."}]}""";

    static final String PROBLEM_FORMAT = """
            {"type": "https://planscore.io/problems/bad-request", "title": "The request cannot be read", "status": 400,
             "detail": "format must be json, csv or xlsx, not 'pdf'.", "errors": [{"field": "format", "code": "UNKNOWN_VALUE", "message": "format must be json, csv or xlsx."}]}""";
}
