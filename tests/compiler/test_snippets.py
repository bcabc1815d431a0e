"""Small questionnaires in styles the samples do not use: input text → expected IR fragments.

Each case is a questionnaire as a person might write it and, per question id, the fields
the compiler must get right. They guard the rules against fitting only the samples.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.compiler.conftest import by_id, compile_text

CASES: list[tuple[str, str, str, dict[str, dict[str, Any]]]] = [
    (
        "question-word labels, lettered options, tick boxes, arrows, blanks, scale in words",
        "a.txt",
        """
        CUSTOMER SURVEY 2024

        Question 1: What is your gender? (Select one)
        a) Male
        b) Female
        c) Prefer not to say

        Question 2: Which of these social networks do you use? (Check all that apply)
        [ ] Facebook
        [ ] Instagram
        [ ] None of the above

        Question 3: Do you own a pet?
        ( ) Yes
        ( ) No -> Go to Question 5

        Question 4: What kind of pet do you have?
        __________________________

        Question 5: On a scale of 1 to 5, where 1 is "very poor" and 5 is "excellent", rate us?

        Question 6: How old are you?
        _____ years
        """,
        {
            "Q1": {
                "type": "single",
                "options": [("1", "Male"), ("2", "Female"), ("3", "Prefer not to say")],
            },
            "Q2": {
                "type": "multi",
                "exclusive": ["3"],
                "options": [("1", "Facebook"), ("2", "Instagram"), ("3", "None of the above")],
            },
            "Q3": {"type": "single", "skip_to": [("Q3 == '2'", "Q5")]},
            "Q4": {"type": "text"},
            "Q5": {
                "type": "scale",
                "options": [
                    ("1", "Very poor"),
                    ("2", "2"),
                    ("3", "3"),
                    ("4", "4"),
                    ("5", "Excellent"),
                ],
            },
            "Q6": {"type": "number"},
        },
    ),
    (
        "markdown numbered list of questions with nested bullets and a prose skip",
        "b.md",
        """
        # Employee Engagement Pulse

        ## Part 1 – About you

        1. What is your department?
           - Sales
           - Engineering
           - Other (please specify)

        2. How long have you worked here?
           1. Less than 1 year
           2. 1–3 years
           3. More than 3 years

        3. Please indicate how much you agree with each statement.

        | Statement | Disagree | Neutral | Agree |
        |---|---|---|---|
        | I feel valued at work | ○ | ○ | ○ |
        | My manager supports me | ○ | ○ | ○ |

        4. Would you recommend this company as a place to work?
           - Yes
           - No

           *If No, skip to question 6.*

        5. What do you like most about working here?

        6. Rank the following benefits from most to least important.
           - Salary
           - Flexible hours
           - Training
        """,
        {
            "Q1": {"type": "single", "specify": ["3"]},
            "Q2": {
                "options": [
                    ("1", "Less than 1 year"),
                    ("2", "1–3 years"),
                    ("3", "More than 3 years"),
                ]
            },
            "Q3": {
                "type": "grid",
                "rows": ["I feel valued at work", "My manager supports me"],
                "options": [("1", "Disagree"), ("2", "Neutral"), ("3", "Agree")],
                "multiple": False,
            },
            "Q4": {"skip_to": [("Q4 == '2'", "Q6")]},
            "Q5": {"type": "long_text"},
            "Q6": {"type": "ranking"},
        },
    ),
    (
        "agency shorthand: SA/MA, '1 = Yes', bracketed codes, conditions by answer words",
        "c.txt",
        """
        Q1 Are you currently employed? SA
        1 = Yes
        2 = No
        IF Q1 = No, SKIP TO Q3

        Q2 Which of the following do you use at work? MA
        01 Email
        02 Chat
        97 Other, specify
        99 None of these

        Q3 ASK IF Q1 = Yes. How satisfied are you with your job?
        Very satisfied [1]
        Dissatisfied [2]
        Don't know [99]

        Q4 Which ONE of the following best describes you?
        1. Student
        2. Retired
        TERMINATE IF Q4 = 1
        """,
        {
            "Q1": {
                "type": "single",
                "text": "Are you currently employed?",
                "skip_to": [("Q1 == '2'", "Q3")],
            },
            "Q2": {
                "type": "multi",
                "specify": ["97"],
                "exclusive": ["99"],
                "options": [
                    ("01", "Email"),
                    ("02", "Chat"),
                    ("97", "Other, specify"),
                    ("99", "None of these"),
                ],
            },
            "Q3": {
                "display_if": "Q1 == '1'",
                "text": "How satisfied are you with your job?",
                "options": [("1", "Very satisfied"), ("2", "Dissatisfied"), ("99", "Don't know")],
            },
            "Q4": {"terminate_if": "Q4 == '1'"},
        },
    ),
    (
        "dotted labels, caps notes in parentheses, skips to dotted ids",
        "f.txt",
        """
        Q.1 Are you a member? (SINGLE CODE)
        1. Yes
        2. No (GO TO Q.3)
        Q.2 Why did you join? (OPEN END)
        Q.3 Which brands do you know? (READ OUT. MULTI CODE)
        Brand A ..... 1
        Brand B ..... 2
        None of these ..... 99 (EXCLUSIVE)
        """,
        {
            "Q1": {"type": "single", "text": "Are you a member?", "skip_to": [("Q1 == '2'", "Q3")]},
            "Q2": {"type": "long_text", "text": "Why did you join?"},
            "Q3": {
                "type": "multi",
                "exclusive": ["99"],
                "options": [("1", "Brand A"), ("2", "Brand B"), ("99", "None of these")],
            },
        },
    ),
    (
        "hierarchical numbers, lettered answers, 'between' ranges",
        "g.txt",
        """
        1.1 What is your age?
        Enter a number between 18 and 99
        1.2 Are you married?
        a. Yes
        b. No
        2.1 Any comments?
        """,
        {
            "Q1_1": {"type": "number"},
            "Q1_2": {"type": "single", "options": [("1", "Yes"), ("2", "No")]},
            "Q2_1": {"type": "long_text"},
        },
    ),
    (
        "a scale defined once and reused, a grid of lettered rows over a coded scale",
        "h.txt",
        """
        SCALE A
        1 Strongly agree
        2 Agree
        3 Disagree

        Q1. The staff were friendly. USE SCALE A
        Q2. How much do you agree that the store was clean?
        [SAME SCALE AS Q1]
        Q3. For each of the following, how satisfied are you?
        a) Price
        b) Quality
        1 Very satisfied
        2 Dissatisfied
        Q4. How likely are you to return? (1 = Not at all likely, 5 = Very likely)
        """,
        {
            "Q1": {"options": [("1", "Strongly agree"), ("2", "Agree"), ("3", "Disagree")]},
            "Q2": {"options": [("1", "Strongly agree"), ("2", "Agree"), ("3", "Disagree")]},
            "Q3": {
                "type": "grid",
                "rows": ["Price", "Quality"],
                "options": [("1", "Very satisfied"), ("2", "Dissatisfied")],
            },
            "Q4": {
                "type": "scale",
                "options": [
                    ("1", "Not at all likely"),
                    ("2", "2"),
                    ("3", "3"),
                    ("4", "4"),
                    ("5", "Very likely"),
                ],
            },
        },
    ),
    (
        "codes after labels with one space, caps tags, Q/code conditions, grid with inline scale",
        "i.txt",
        """
        S1. Are you...? [SINGLE]
        Male 1
        Female 2

        S2. Please indicate your age.
        Under 18 1 TERMINATE
        18-24 2
        25+ 3

        S3. Have you purchased any of the following in the last 3 months? [MULTI]
        Coffee 1
        Tea 2
        None of these 3 [EXCLUSIVE; TERMINATE]

        [ASK IF S3/1]
        Q1. How often do you drink coffee?
        Every day 1
        Less often 2
        IF NOT A DAILY DRINKER (CODE 2) SKIP TO Q3

        Q2. Please rate the coffee on: [GRID, 1-5 SCALE, 1=POOR, 5=EXCELLENT]
        Taste
        Price

        Q3. Any comments?
        """,
        {
            "S1": {"options": [("1", "Male"), ("2", "Female")]},
            "S2": {
                "options": [("1", "Under 18"), ("2", "18-24"), ("3", "25+")],
                "terminate_if": "S2 == '1'",
            },
            "S3": {"type": "multi", "exclusive": ["3"], "terminate_if": "S3 contains '3'"},
            "Q1": {"display_if": "S3 contains '1'", "skip_to": [("Q1 == '2'", "Q3")]},
            "Q2": {
                "type": "grid",
                "rows": ["Taste", "Price"],
                "options": [("1", "POOR"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "EXCELLENT")],
            },
            "Q3": {"type": "long_text"},
        },
    ),
    (
        "answers across one line, multi-select in words",
        "l.txt",
        """
        Q1. Do you have a pet?
        Yes / No / Not sure
        Q2. How often do you shop online?
        Daily | Weekly | Never
        Q3. Which apps do you use? (multi-select)
        - Maps / Mail / Music
        """,
        {
            "Q1": {"type": "single", "options": [("1", "Yes"), ("2", "No"), ("3", "Not sure")]},
            "Q2": {"options": [("1", "Daily"), ("2", "Weekly"), ("3", "Never")]},
            "Q3": {"type": "multi", "options": [("1", "Maps"), ("2", "Mail"), ("3", "Music")]},
        },
    ),
    (
        "skips to a section, sections in capitals",
        "n.txt",
        """
        SECTION A: SCREENER
        Q1. Do you drive?
        (1) Yes
        (2) No -> GO TO SECTION C
        SECTION B: CARS
        Q2. Which brand is your car?
        (1) Alpha
        (2) Beta
        SECTION C: ABOUT YOU
        Q3. How old are you?
        [NUMERIC]
        """,
        {
            "Q1": {"skip_to": [("Q1 == '2'", "Q3")]},
            "Q2": {"type": "single"},
            "Q3": {"type": "number"},
        },
    ),
    (
        "markdown task lists, italic routing, an answer table, a scale on one line",
        "p.md",
        """
        # Library User Survey

        **Q1:** How often do you visit the library?

        - [ ] Weekly
        - [ ] Rarely
        - [ ] Never *(go to Q4)*

        **Q2:** Which services do you use? *(select all that apply)*

        | Code | Answer |
        |---|---|
        | 1 | Borrowing books |
        | 97 | Other (please specify) |

        **Q3:** How satisfied are you with opening hours?

        1 = Very dissatisfied … 5 = Very satisfied

        **Q4:** What is your postcode?
        """,
        {
            "Q1": {
                "options": [("1", "Weekly"), ("2", "Rarely"), ("3", "Never")],
                "skip_to": [("Q1 == '3'", "Q4")],
            },
            "Q2": {
                "type": "multi",
                "specify": ["97"],
                "options": [("1", "Borrowing books"), ("97", "Other (please specify)")],
            },
            "Q3": {
                "type": "scale",
                "options": [
                    ("1", "Very dissatisfied"),
                    ("2", "2"),
                    ("3", "3"),
                    ("4", "4"),
                    ("5", "Very satisfied"),
                ],
            },
            "Q4": {"type": "text"},
        },
    ),
    (
        "telephone style: READ OUT, arrows after codes, DO NOT READ answers, DK codes on numbers",
        "s.txt",
        """
        Q1 Do you currently smoke? READ OUT. CODE ONE ONLY.
           Yes, daily ................ 1
           No ........................ 3 → Q3
           (DO NOT READ) Don't know .. 8
        Q2 How many cigarettes do you smoke per day?
           ENTER NUMBER: ____
           DK = 998
        Q3 Which of these newspapers do you read? READ OUT. CODE ALL THAT APPLY.
           The Times ....... 1
           (DO NOT READ) None of these ... 9
        """,
        {
            "Q1": {
                "type": "single",
                "text": "Do you currently smoke?",
                "options": [("1", "Yes, daily"), ("3", "No"), ("8", "Don't know")],
                "skip_to": [("Q1 == '3'", "Q3")],
            },
            "Q2": {"type": "number", "options": []},
            "Q3": {"type": "multi", "exclusive": ["9"]},
        },
    ),
    (
        "type notes in parentheses after the label, a condition under the label, Other: ____",
        "t.md",
        """
        ### Q1 (single choice) Have you travelled abroad in the last year?
        - Yes
        - No

        ### Q2 (multiple choice) Which countries did you visit?
        Show if Q1 = Yes
        - France
        - Other: ____

        ### Q3 (rating 1-5) How would you rate your last trip?
        1 = Terrible, 5 = Excellent

        ### Q4 (open text) Describe the highlight of your trip.
        """,
        {
            "Q1": {"type": "single", "text": "Have you travelled abroad in the last year?"},
            "Q2": {
                "type": "multi",
                "display_if": "Q1 == '1'",
                "specify": ["2"],
                "options": [("1", "France"), ("2", "Other")],
            },
            "Q3": {"type": "scale"},
            "Q4": {"type": "long_text", "text": "Describe the highlight of your trip."},
        },
    ),
    (
        "tick boxes after their labels",
        "u.txt",
        """
        Q1. Do you own a car?
        Yes [ ]   No [ ]
        Q2. Which colour do you like best?
        Red ☐ Blue ☐ Green ☐
        """,
        {
            "Q1": {"type": "single", "options": [("1", "Yes"), ("2", "No")]},
            "Q2": {"options": [("1", "Red"), ("2", "Blue"), ("3", "Green")]},
        },
    ),
    (
        "choice limits without a noun, ranges written with TO",
        "w.txt",
        """
        Q1. Which brands do you like?
        [MULTI. SELECT UP TO 3]
        1 Alpha
        2 Beta
        3 Gamma
        4 Delta
        Q2. How old are you?
        [NUMERIC. RANGE 18 TO 99]
        """,
        {
            "Q1": {"type": "multi", "validation": {"max_choices": 3}},
            "Q2": {"type": "number", "validation": {"min": 18, "max": 99}},
        },
    ),
    (
        "a 0-10 scale with a don't-know code after it",
        "x.txt",
        """
        Q1. How likely are you to recommend us?
        0 Not at all likely
        1
        2
        3
        4
        5
        6
        7
        8
        9
        10 Extremely likely
        99 Don't know
        """,
        {"Q1": {"type": "scale"}},
    ),
]


def _check(question: Any, expected: dict[str, Any]) -> None:
    for key, value in expected.items():
        if key == "options":
            assert [(o.code, o.label) for o in question.options] == value
        elif key == "rows":
            assert [r.label for r in question.rows] == value
        elif key == "exclusive":
            assert [o.code for o in question.options if o.exclusive] == value
        elif key == "specify":
            assert [o.code for o in question.options if o.specify] == value
        elif key == "skip_to":
            assert [(r.if_, r.to) for r in question.skip_to] == value
        elif key == "validation":
            assert question.validation is not None
            assert question.validation.model_dump(exclude_none=True) == value
        else:
            assert getattr(question, key) == value, key


@pytest.mark.parametrize(
    ("title", "name", "text", "expected"), CASES, ids=[c[0][:40] for c in CASES]
)
def test_snippet(title: str, name: str, text: str, expected: dict[str, dict[str, Any]]) -> None:
    questions = by_id(compile_text(text, name))
    assert list(questions) == list(expected)
    for qid, fields in expected.items():
        _check(questions[qid], fields)


def test_labels_from_automatic_numbering() -> None:
    from fielder.compiler import compile_document
    from fielder.documents.model import Block, Document

    blocks = [
        Block(
            kind="list_item",
            numbering="Q1.",
            text="Which of these do you own? Select all that apply.",
        ),
        Block(kind="list_item", numbering="a)", level=1, text="Car"),
        Block(kind="list_item", numbering="b)", level=1, text="Bike"),
        Block(kind="heading", numbering="2.", level=2, text="How old are you?"),
        Block(kind="paragraph", text="[NUMERIC]"),
    ]
    survey = compile_document(Document(name="auto.docx", media_type="x", blocks=blocks)).survey
    questions = by_id(survey)
    assert list(questions) == ["Q1", "Q2"]
    assert questions["Q1"].type == "multi"
    assert [(o.code, o.label) for o in questions["Q1"].options] == [("1", "Car"), ("2", "Bike")]
    assert questions["Q2"].type == "number"
