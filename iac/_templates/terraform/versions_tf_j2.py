from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'versions.tf.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_plan = resolve('plan')
    try:
        t_1 = environment.filters['hcl_str']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'hcl_str' found.")
    try:
        t_2 = environment.filters['v']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'v' found.")
    pass
    yield 'terraform {\n  required_version = ">= 1.5"\n\n  required_providers {\n    aws = {\n      source = "hashicorp/aws"\n      version = ">= 5.40, < 6.0"\n    }\n  }\n}\n\nprovider "aws" {\n  region = '
    yield str(t_1(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'region')))
    yield '\n'
    if environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'tags'):
        pass
        yield '\n  default_tags {\n    tags = '
        yield str(t_2(context, environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'tags'), 4))
        yield '\n  }\n'
    yield '}\n'

blocks = {}
debug_info = '13=25&14=27&17=30'
