"""Demo data: the 2024-2025 pilot. `manage.py seed_demo` calls `load(world)` of each module in
order; every module may read what the earlier ones put on `world`. One line per module."""

MODULES = [
    "sdgp.demo.world",
    "sdgp.demo.tools_presentation",
    "sdgp.demo.tools_activity_profile",
    "sdgp.demo.tools_factors",
    "sdgp.demo.tools_swot",
    "sdgp.demo.tools_learning_questions",
    "sdgp.demo.visits",
    "sdgp.demo.journals",
    "sdgp.demo.action_plans",
    "sdgp.demo.coaching",
]
