from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'versions.tf.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_region = resolve('region')
    l_0_plan = resolve('plan')
    try:
        t_1 = environment.filters['v']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'v' found.")
    pass
    yield 'terraform {\n  # 1.11: ephemeral values and write-only arguments keep a generated secret out of the state.\n  required_version\x00= ">= 1.11"\n\n  required_providers {\n    aws\x00= {\n      source\x00= "hashicorp/aws"\n      # 5.100 has the ephemeral random password and `secret_string_wo`; 6 is admitted.\n      version\x00= ">= 5.100, < 7.0"\n    }\n  }\n}\n\nprovider "aws" {\n  region\x00= var.'
    yield str((undefined(name='region') if l_0_region is missing else l_0_region))
    yield '\n'
    if environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'tags'):
        pass
        yield '\n  default_tags {\n    tags\x00= '
        yield str(t_1(context, environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'tags'), 4))
        yield '\n  }\n'
    yield '}\n'

blocks = {}
debug_info = '15=20&16=22&19=25'
